import type { BoundRoute } from "../../http/handler-group";

export const blacklistRoutes: BoundRoute[] = [];
