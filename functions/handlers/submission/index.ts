import { createHandlerGroup } from "../../http/handler-group";
import { meRoutes } from "./me";

export const handler = createHandlerGroup([...meRoutes]);
