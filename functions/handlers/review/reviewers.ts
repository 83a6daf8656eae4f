import type { BoundRoute } from "../../http/handler-group";

export const reviewerRoutes: BoundRoute[] = [];
