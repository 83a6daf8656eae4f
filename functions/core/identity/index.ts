export { maskPersonName } from "./person-name";
export {
  type Gender,
  maskResidentId,
  parseResidentId,
  type ResidentId,
  type ResidentIdProblem,
  type ResidentIdResult,
  residentIdCheckCharacter,
} from "./resident-id";
export { residentIdSchema } from "./resident-id-schema";
