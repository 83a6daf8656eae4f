import { describe, expect, it } from "vitest";
import { passwordField } from "../../../functions/http/routes/fields";
import { temporaryPassword } from "../../../functions/services/temporary-password";

describe("temporary passwords for admin-created accounts", () => {
  it("always meet the user pool's policy and never repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = temporaryPassword();
      expect(password).toHaveLength(16);
      expect(passwordField.safeParse(password).success, password).toBe(true);
      expect(password).not.toMatch(/[IlO01]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
