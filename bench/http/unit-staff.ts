import { DEMO_PASSWORD } from "../../infra/local/seed";
import { type Api, ApiError } from "./api";
import { DEMO_UNIT } from "./applicant-journey";

/**
 * A token of the demo unit's handler for the unit review desk. The handler's role belonged to the
 * pre-preparation generation and ended with the reset (R3.2), so the unit's admin grants it again, as
 * a unit does at the start of the formal application. Empty when the review routes refuse it.
 */
export async function unitHandlerToken(api: Api): Promise<string> {
  try {
    const admin = await api.login("unit-admin", DEMO_PASSWORD);
    const { accounts } = await api.json<{
      accounts: { accountId: string; username: string; version: number }[];
    }>({
      label: "list the unit's accounts",
      method: "GET",
      path: `/orgs/${DEMO_UNIT}/accounts`,
      token: admin,
    });
    const handler = accounts.find((account) => account.username === "unit-handler");
    if (!handler) return "";
    await api.json({
      label: "grant the handler role",
      method: "PUT",
      path: `/accounts/${handler.accountId}/roles`,
      body: { expectedVersion: handler.version, roles: ["unit_handler"] },
      token: admin,
    });
    return await api.login("unit-handler", DEMO_PASSWORD);
  } catch (error) {
    if (error instanceof ApiError) return "";
    throw error;
  }
}
