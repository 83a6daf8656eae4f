import { createHandlerGroup } from "../../http/handler-group";
import { staffingRoutes } from "./staffing";

export const handler = createHandlerGroup([...staffingRoutes]);
