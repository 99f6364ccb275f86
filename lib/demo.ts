/** The slug of the demo program that a fresh database receives (DESIGN §12). */
export const DEMO_PROGRAM_SLUG = "boost-offload";
