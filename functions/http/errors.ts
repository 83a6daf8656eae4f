import { DomainError } from "../core/errors";

/** Errors of the HTTP layer itself, shared by the Lambda handlers and the local server. */
export const httpErrors = {
  routeNotFound: () => new DomainError("ROUTE_NOT_FOUND", "请求的接口不存在，请核对地址和请求方法。"),
  notFound: () => new DomainError("NOT_FOUND", "未找到该记录，或您无权查看。"),
  unauthenticated: () => new DomainError("UNAUTHENTICATED", "未登录或登录已失效，请重新登录后再试。"),
  forbidden: () => new DomainError("FORBIDDEN", "您的角色无权执行此操作。"),
  malformedJson: () =>
    new DomainError("MALFORMED_JSON", "请求内容不是有效的 JSON，请检查格式（如引号、逗号、括号）后重试。"),
  payloadTooLarge: (limitBytes: number) =>
    new DomainError(
      "PAYLOAD_TOO_LARGE",
      `请求内容过大（上限 ${Math.floor(limitBytes / 1024)} KB）。上传证明材料请使用材料上传功能。`,
    ),
  serviceUnavailable: (retryAfterSeconds: number) =>
    new DomainError(
      "SERVICE_UNAVAILABLE",
      `系统的数据服务暂时没有响应，本次操作未能确认完成，请在${retryAfterSeconds}秒后重试；` +
        "提交申报时请使用同一个请求标识（Idempotency-Key）重试，不会重复提交。",
      { retryAfterSeconds },
    ),
};
