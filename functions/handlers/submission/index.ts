import { createHandlerGroup } from "../../http/handler-group";
import { meRoutes } from "./me";
import { registrationRoutes } from "./registration";

export const handler = createHandlerGroup([...meRoutes, ...registrationRoutes]);
