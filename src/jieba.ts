import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';

/** The field's own terms (巡视整改, 立行立改, 一岗双责 …), shipped with the code. */
export const USER_DICT = fileURLToPath(new URL('../src/dict/zhenggai.dict.utf8', import.meta.url));

let loaded = false;

/** nodejieba with the user dictionary, loaded once per process or worker thread. */
export function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT });
    loaded = true;
  }
  return nodejieba;
}
