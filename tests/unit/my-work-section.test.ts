import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MyWorkSection } from "@/components/my-work/my-work-section";

// A function component without hooks: called directly, it gives the element to render.
const render = (count: number) =>
  renderToStaticMarkup(MyWorkSection({ id: "owned", title: "Items I own", count, newCount: 0, since: { at: 0, firstVisit: true }, empty: "You own no items.", children: "entries" }));

describe("a section of My work", () => {
  it("prints its count grouped, as the sentences under it do", () => {
    expect(render(1710)).toContain("Items I own (1,710)</h2>");
    expect(render(7)).toContain("Items I own (7)</h2>");
  });

  it("says so in words when it has nothing", () => {
    expect(render(0)).toContain("You own no items.");
    expect(render(0)).not.toContain("entries");
  });
});
