import { DomainError } from "../../core/errors";

export const identityErrors = {
  usernameTaken: () =>
    new DomainError("USERNAME_TAKEN", "该用户名已被使用，请换一个用户名。", {
      fields: [{ path: "body.username", message: "用户名已被使用" }],
    }),
  weakPassword: () =>
    new DomainError(
      "PASSWORD_TOO_WEAK",
      "密码不符合要求：至少10位，须同时包含大写字母、小写字母、数字和特殊符号。",
      { fields: [{ path: "body.password", message: "密码强度不足" }] },
    ),
};
