import type { OrgRecord } from "../../functions/adapters/dynamodb/org-record";
import { orgRepository } from "../../functions/adapters/dynamodb/org-repository";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { ROUND_2024_CALENDAR_SPEC } from "../../functions/core/calendar";
import { residentIdCheckCharacter } from "../../functions/core/identity";
import type { Role } from "../../functions/core/roles";
import { defineRound, roundDefinitionSchema } from "../../functions/core/rounds";
import { openAccount } from "../../functions/services/account-opening";
import { openRound } from "../../functions/services/round-opening";

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

/** A made-up but well-formed ID number (Lanzhou Chengguan district, born 1980) for demo account n. */
function demoResidentId(n: number): string {
  const body = `62010219800101${String(n).padStart(2, "0")}1`;
  return `${body}${residentIdCheckCharacter(body)}`;
}

function demoOrgs(at: string): OrgRecord[] {
  const base = { version: 1, createdAt: at };
  return [
    { ...base, orgId: DEMO.officeId, kind: "office", name: "省职称改革工作领导小组办公室" },
    { ...base, orgId: DEMO.organiserId, kind: "organiser", name: "中共甘肃省委党校（甘肃行政学院）" },
    {
      ...base,
      orgId: DEMO.departmentId,
      kind: "department",
      name: "兰州市人力资源和社会保障局",
      departmentType: "city_hr_bureau",
      region: "兰州市",
    },
    {
      ...base,
      orgId: DEMO.unitId,
      kind: "unit",
      name: "兰州市职工培训教育中心（演示单位）",
      unitType: "government_staff_training",
      central: false,
      region: "兰州市",
      departmentId: DEMO.departmentId,
      underPostManagement: true,
      professionalPosts: 40,
      seniorTitleHolders: 6,
      seniorPosts: 10,
    },
  ];
}

/**
 * First start only: the 2024 round with the calendar of the notice (R3), the title office, the party
 * school organiser, one reviewing department and one demo unit with its three real-name role
 * accounts (R3.2). A second start finds the round and changes nothing. The workflow runner must be
 * installed first: creating the round starts its calendar.
 */
export async function seed(now: Date): Promise<SeedReport> {
  if (await roundRepository.get(DEMO.roundId))
    return { created: false, roundId: DEMO.roundId, accounts: ACCOUNTS };

  const at = now.toISOString();
  const audit = { actor: "seed", at: now, detail: {} };
  for (const org of demoOrgs(at)) await orgRepository.create(org, { ...audit, action: `create_${org.kind}` });
  for (const [index, account] of ACCOUNTS.entries()) {
    await openAccount({
      kind: "staff",
      orgId: account.orgId,
      username: account.username,
      password: DEMO_PASSWORD,
      temporaryPassword: false,
      realName: account.realName,
      residentId: demoResidentId(index + 1),
      phone: `1390931000${index + 1}`,
      roles: [account.role],
      generation: { roundId: DEMO.roundId, generation: 1 },
      openedBy: "seed",
      at: now,
    });
  }
  // The round last, through the same path the office uses (its calendar workflow starts with it): its
  // presence is what marks the seed as complete.
  const definition = roundDefinitionSchema.parse({
    roundId: DEMO.roundId,
    title: "2024年度全省人力资源培训专业高级职称申报评审",
    calendar: ROUND_2024_CALENDAR_SPEC,
  });
  await openRound(defineRound(definition, now), "seed", now);
  return { created: true, roundId: DEMO.roundId, accounts: ACCOUNTS };
}
