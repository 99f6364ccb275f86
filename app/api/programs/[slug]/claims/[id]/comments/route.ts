// GET, POST /api/programs/{slug}/claims/{id}/comments – the claim's discussion, oldest first (viewer); write in it (contributor)
import { commentRoutes } from "@/app/_lib/comment-routes";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const { GET, POST } = commentRoutes<{ slug: string; id: string }>((params) => ({ claim: params.id }));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
