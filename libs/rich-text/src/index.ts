export { entryBodyBlocks, htmlToBlocks, plainTextBlocks } from './html-to-blocks';
