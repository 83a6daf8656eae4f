import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client";
import { entrustmentRepository } from "./entrustment-repository";

/** Records other people keep that decide an applicant's eligibility: R2.4 entrustments, R2.5 approvals. */
export const applicationFactsRepository = {
  /** R2.4: the central unit's entrustment letter for the round was approved by the title office. */
  async entrustmentApproved(unitId: string, roundId: string): Promise<boolean> {
    return (await entrustmentRepository.get(unitId, roundId))?.status === "approved";
  },

  /** R2.5: an approved dispatch approval names this person (by ID hash) and this receiving unit. */
  async dispatchApproved(residentIdHash: string, unitId: string): Promise<boolean> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :person AND begins_with(GSI1SK, :dispatch)",
        ExpressionAttributeValues: { ":person": `PERSON#${residentIdHash}`, ":dispatch": "DISPATCH#" },
      }),
    );
    return (found.Items ?? []).some((item) => item.status === "approved" && item.receivingUnitId === unitId);
  },
};
