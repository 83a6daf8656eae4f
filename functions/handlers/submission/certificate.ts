import type { BoundRoute } from "../../http/handler-group";

export const certificateRoutes: BoundRoute[] = [];
