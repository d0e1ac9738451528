import type { SourceLanguage } from '../../src/core/model';
import { coveringEdit } from '../../src/core/parse/incremental';
import type { ParserPool, Tree } from '../../src/core/parse/parser';

/**
 * The trees of a document's versions, each parsed incrementally from the one
 * before with the covering edit, as the engine parses kept documents. Where the
 * text has syntax errors, tree-sitter's error recovery may give such a tree a
 * different shape than a fresh parse; the engine's kept analysis must still be
 * exactly the analysis of this tree.
 */
export class IncrementalTrees {
  private current: { text: string; tree: Tree } | null = null;

  constructor(
    private readonly parsers: ParserPool,
    private readonly language: SourceLanguage,
  ) {}

  /** The tree of the next version; it stays owned by this object. */
  next(text: string): Tree {
    const previous = this.current;
    const edit = previous && coveringEdit(previous.text, text);
    if (previous && !edit) return previous.tree;
    if (previous && edit) previous.tree.edit(edit);
    const tree = this.parsers.parse(this.language, text, previous?.tree);
    previous?.tree.delete();
    this.current = { text, tree };
    return tree;
  }

  dispose(): void {
    this.current?.tree.delete();
    this.current = null;
  }
}
