import { createHandlerGroup } from "../../http/handler-group";
import { roundAdminRoutes } from "./rounds";

export const handler = createHandlerGroup([...roundAdminRoutes]);
