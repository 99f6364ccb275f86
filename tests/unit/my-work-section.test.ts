import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MyWorkSection } from "@/components/my-work/my-work-section";

// A function component without hooks: called directly, it gives the element to render.
const render = (count: number, newCount = 0) =>
  renderToStaticMarkup(MyWorkSection({ id: "owned", title: "Items I own", count, newCount, empty: "You own no items.", children: "entries" }));

describe("a section of My work", () => {
  it("prints its count grouped, as the sentences under it do", () => {
    expect(render(1710)).toContain("Items I own (1,710)</h2>");
    expect(render(7)).toContain("Items I own (7)</h2>");
  });

  it("counts what is new in it, without saying again since when (the page says it once, above the sections)", () => {
    expect(render(3, 2)).toContain(">2 new.</p>");
    expect(render(3, 0)).toContain(">Nothing new.</p>");
    expect(render(1710, 1204)).toContain(">1,204 new.</p>");
    expect(render(3, 2)).not.toContain("since");
  });

  it("says so in words when it has nothing", () => {
    expect(render(0)).toContain("You own no items.");
    expect(render(0)).not.toContain("entries");
  });
});
