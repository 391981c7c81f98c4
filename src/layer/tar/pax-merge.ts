// What the reader does with a PAX header's records: fold them into the entry (Go's mergePAX), then
// keep only what Go's writer would not produce by itself, so the entry stays plain yet re-writable.
import type { TarEntry } from './entry';
import { decodeUtf8 } from './fields';
import { goPaxNeeds, paxRecordsFor } from './go-rules';
import { PAX_XATTR, PaxRecord, parsePaxInteger, parsePaxTime } from './pax';

// PAX records override header fields (Go's mergePAX); unknown records are kept as they are.
/** applyPax lets PAX records override header fields; xattrs go to `xattrs`, sparse files are refused. */
export function applyPax(entry: TarEntry, records: PaxRecord[], fail: (r: string, name?: string) => never): void {
  for (const { key, value } of records) {
    const text = decodeUtf8(value);
    const bad = (): never => fail(`the PAX record '${key}' has an invalid value`, entry.name);
    if (key.startsWith(PAX_XATTR)) entry.xattrs = { ...entry.xattrs, [key.slice(PAX_XATTR.length)]: value };
    else if (key.startsWith('GNU.sparse.')) fail('sparse files are not supported', entry.name);
    else if (key === 'path') entry.name = text;
    else if (key === 'linkpath') entry.linkname = text;
    else if (key === 'uname') entry.uname = text;
    else if (key === 'gname') entry.gname = text;
    else if (key === 'uid' || key === 'gid' || key === 'size') entry[key] = parsePaxInteger(text) ?? bad();
    else if (key === 'mtime' || key === 'atime' || key === 'ctime') entry[key] = parsePaxTime(text) ?? bad();
  }
}

/** keepForeignPax stores in `pax` / `paxOrder` only the records and order Go would not reproduce. */
export function keepForeignPax(entry: TarEntry, records: PaxRecord[]): void {
  const needed = goPaxNeeds(entry).records;
  const pax: Record<string, string> = {};
  for (const { key, value } of records) {
    const text = decodeUtf8(value);
    if (!key.startsWith(PAX_XATTR) && needed.get(key) !== text) pax[key] = text;
  }
  if (Object.keys(pax).length > 0) entry.pax = pax;
  const readOrder = records.map((r) => r.key);
  const writeOrder = [...paxRecordsFor(entry).records.keys()];
  if (readOrder.join('\n') !== writeOrder.join('\n')) entry.paxOrder = readOrder;
}
