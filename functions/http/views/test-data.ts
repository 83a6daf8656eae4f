import { z } from "zod";

/** How a rehearsal record is labelled wherever it is shown (R3.5). */
export const TEST_DATA_LABEL = "测试数据";

export const testDataFields = {
  testData: z
    .boolean()
    .describe(
      "Written during the pre-preparation rehearsal: cleared by the reset, never formal (R3.3, R3.5)",
    ),
  testDataLabel: z.literal(TEST_DATA_LABEL).optional().describe("Present on test data only"),
};

/** Records written before the round's scheduled reset carry `testData: true`. */
export function testDataOf(record: {
  testData?: boolean | undefined;
}): z.input<z.ZodObject<typeof testDataFields>> {
  return record.testData ? { testData: true, testDataLabel: TEST_DATA_LABEL } : { testData: false };
}
