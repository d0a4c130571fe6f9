import { renameSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { ZipReader } from '../src/zip/read';
import { ZipWriter } from '../src/zip/write';

/**
 * Edits the workbook as a translator would: changes every Russian "Скидка" (Discount) cell.
 * Streams each part through (a 1M-row sheet is too big for an in-memory zip library).
 */
export async function editWorkbook(file: string): Promise<number> {
  const edited = `${file}.edited`;
  const zip = await ZipReader.open(file, file);
  const fh = await open(edited, 'w');
  let edits = 0;
  try {
    const writer = new ZipWriter(fh);
    for (const entry of zip.entries) {
      const isSheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name);
      await writer.addEntry(
        entry.name,
        async (input) => {
          const decoder = new TextDecoder();
          let carry = '';
          const put = (text: string) =>
            input.write(text) ? Promise.resolve() : new Promise<void>((r) => input.once('drain', () => r()));
          for await (const chunk of zip.stream(entry, 2 ** 40)) {
            if (!isSheet) {
              if (!input.write(chunk)) await new Promise((r) => input.once('drain', r));
              continue;
            }
            const text = carry + decoder.decode(chunk, { stream: true });
            const cut = text.lastIndexOf('<');
            carry = text.slice(cut);
            await put(
              text.slice(0, cut).replace(/>Скидка</g, () => {
                edits++;
                return '>Скидка (правка)<';
              }),
            );
          }
          if (isSheet) await put(carry + decoder.decode());
        },
        1,
      );
    }
    await writer.finish();
  } finally {
    await fh.close();
    await zip.close();
  }
  renameSync(edited, file);
  return edits;
}
