// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the routes' zod schemas
import { buildOpenApi } from "@/lib/openapi/build-openapi";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApi());
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
