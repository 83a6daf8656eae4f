import { randomUUID } from "node:crypto";
import { accountRepository, type RoleAssignment } from "../../functions/adapters/dynamodb/account-repository";
import { orgRepository } from "../../functions/adapters/dynamodb/org-repository";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { ROUND_2024_CALENDAR_SPEC } from "../../functions/core/calendar";
import type { Role } from "../../functions/core/roles";
import { credentialStore } from "./credential-store";

/** Demo password of every seeded account; the local runtime only, printed at start. */
export const DEMO_PASSWORD = "Gansu#2024demo";

export const DEMO = {
  roundId: "2024",
  officeId: "office",
  organiserId: "party-school",
  departmentId: "dept-lanzhou-hrss",
  unitId: "unit-demo-training-center",
};

export interface SeedReport {
  created: boolean;
  roundId: string;
  accounts: { username: string; realName: string; role: Role; orgId: string }[];
}

const ACCOUNTS: SeedReport["accounts"] = [
  { username: "office-admin", realName: "省职改办管理员", role: "office_admin", orgId: DEMO.officeId },
  { username: "organiser", realName: "省委党校评审组织员", role: "organiser", orgId: DEMO.organiserId },
  {
    username: "dept-admin",
    realName: "兰州市人社局管理员",
    role: "department_admin",
    orgId: DEMO.departmentId,
  },
  { username: "unit-admin", realName: "王建国", role: "unit_admin", orgId: DEMO.unitId },
  { username: "unit-handler", realName: "李晓燕", role: "unit_handler", orgId: DEMO.unitId },
  { username: "unit-leader", realName: "张志强", role: "unit_leader", orgId: DEMO.unitId },
];

/**
 * First start only: the 2024 round with the calendar of the notice (R3), the title office, the party
 * school organiser, one reviewing department and one demo unit with its three real-name role
 * accounts (R3.2). A second start finds the round and changes nothing.
 */
export async function seed(now: Date): Promise<SeedReport> {
  const at = now.toISOString();
  if (await roundRepository.get(DEMO.roundId))
    return { created: false, roundId: DEMO.roundId, accounts: ACCOUNTS };

  await Promise.all([
    orgRepository.create({
      orgId: DEMO.officeId,
      kind: "office",
      name: "省职称改革工作领导小组办公室",
      createdAt: at,
    }),
    orgRepository.create({
      orgId: DEMO.organiserId,
      kind: "organiser",
      name: "中共甘肃省委党校（甘肃行政学院）",
      createdAt: at,
    }),
    orgRepository.create({
      orgId: DEMO.departmentId,
      kind: "department",
      name: "兰州市人力资源和社会保障局",
      createdAt: at,
    }),
    orgRepository.create({
      orgId: DEMO.unitId,
      kind: "unit",
      name: "兰州市职工培训教育中心（演示单位）",
      departmentId: DEMO.departmentId,
      createdAt: at,
    }),
  ]);
  for (const account of ACCOUNTS) {
    const accountId = randomUUID();
    const assignment: RoleAssignment = {
      role: account.role,
      orgId: account.orgId,
      accountId,
      generation: { roundId: DEMO.roundId, generation: 1 },
    };
    await accountRepository.create(
      {
        accountId,
        username: account.username,
        realName: account.realName,
        kind: "staff",
        orgId: account.orgId,
        disabled: false,
        createdAt: at,
      },
      [assignment],
    );
    await credentialStore.register(account.username, DEMO_PASSWORD, accountId);
  }
  // The round last: its presence is what marks the seed as complete.
  await roundRepository.create({
    roundId: DEMO.roundId,
    title: "2024年度全省人力资源培训专业高级职称申报评审",
    calendar: ROUND_2024_CALENDAR_SPEC,
    generation: 1,
    openedPhases: [],
    version: 1,
    createdAt: at,
  });
  return { created: true, roundId: DEMO.roundId, accounts: ACCOUNTS };
}
