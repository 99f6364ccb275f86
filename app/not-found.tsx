import { NotFoundMessage } from "@/components/ui/not-found-message";

/** Any unknown page or program: a 404 with the app's navigation around it. */
export default function NotFound() {
  return <NotFoundMessage>Nothing is here. The address may be mistyped, or the program was never imported.</NotFoundMessage>;
}
