import type { BoundRoute } from "../../http/handler-group";

export const certificateVerificationRoutes: BoundRoute[] = [];
