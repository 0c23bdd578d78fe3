/**
 * 书名号 around a title. Chinese usage alternates the marks by depth: a title quoted inside
 * 《》 writes its own 《》 as 〈〉 (and a third level's 〈〉 as 《》 again), so a message about
 * 《观看电影〈长津湖〉》 does not read 《观看电影《长津湖》》. Every message that quotes a title goes
 * through here, the API's and the admin's alike.
 */
const ONE_LEVEL_DOWN: Record<string, string> = { '《': '〈', '》': '〉', '〈': '《', '〉': '》' };

/** The title with its own book-title marks one level down, for a template that puts it inside 《》. */
export function nestedTitle(title: string): string {
  return title.replace(/[《》〈〉]/g, (mark) => ONE_LEVEL_DOWN[mark]);
}

/** The title in 《》, its own marks one level down: 《观看电影〈长津湖〉》. */
export function bookTitle(title: string): string {
  return `《${nestedTitle(title)}》`;
}
