/** A page's HTML as the server drew it, without the scripts that let a browser draw it again. */
export const drawn = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
