import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';

/** The field's own terms (巡视整改, 立行立改, 一岗双责 …), shipped with the code. */
export const USER_DICT = fileURLToPath(new URL('../src/dict/zhenggai.dict.utf8', import.meta.url));

/**
 * Stand-ins for the keyword extractor's IDF table and stop words, which nodejieba loads with
 * the dictionaries but cutting and tagging never read: the real IDF table costs about 20 MB in
 * every worker thread.
 */
const UNUSED_IDF = fileURLToPath(new URL('../src/dict/unused-idf.utf8', import.meta.url));
const UNUSED_STOP_WORDS = fileURLToPath(new URL('../src/dict/unused-stop-words.utf8', import.meta.url));

let loaded = false;

/** nodejieba with the user dictionary, loaded once per process or worker thread. */
export function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT, idfDict: UNUSED_IDF, stopWordDict: UNUSED_STOP_WORDS });
    loaded = true;
  }
  return nodejieba;
}
