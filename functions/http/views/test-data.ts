import * as z from "zod/mini";

/** How a rehearsal record is labelled wherever it is shown (R3.5). */
export const TEST_DATA_LABEL = "测试数据";

export const testDataFields = {
  testData: z
    .boolean()
    .check(
      z.describe(
        "Written during the pre-preparation rehearsal: cleared by the reset, never formal (R3.3, R3.5)",
      ),
    ),
  testDataLabel: z.optional(z.literal(TEST_DATA_LABEL)).check(z.describe("Present on test data only")),
};

/** Records written before the round's scheduled reset carry `testData: true`. */
export function testDataOf(record: {
  testData?: boolean | undefined;
}): z.input<z.ZodMiniObject<typeof testDataFields>> {
  return record.testData ? { testData: true, testDataLabel: TEST_DATA_LABEL } : { testData: false };
}
