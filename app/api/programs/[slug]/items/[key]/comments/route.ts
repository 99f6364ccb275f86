// GET, POST /api/programs/{slug}/items/{key}/comments – the item's comments, oldest first (viewer); write one (contributor)
import { commentRoutes } from "@/app/_lib/comment-routes";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const { GET, POST } = commentRoutes<{ slug: string; key: string }>((params) => ({ item: params.key }));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
