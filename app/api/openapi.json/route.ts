// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the routes' zod schemas
import { buildOpenApi } from "@/lib/openapi/build-openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApi());
}
