// GET, POST /api/programs/{slug}/items/{key}/comments – the item's comments, oldest first (viewer); write one (contributor)
import { commentRoutes } from "@/app/_lib/comment-routes";

export const dynamic = "force-dynamic";

export const { GET, POST } = commentRoutes<{ slug: string; key: string }>((params) => ({ item: params.key }));
