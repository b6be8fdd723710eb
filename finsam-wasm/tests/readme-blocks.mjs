// The examples of the package README as the tests run them: its ```js blocks, and those blocks
// as one program whose `// => value` lines are checks. Shared by readme.test.mjs (the built
// package, pkg/) and examples/installed/package.test.mjs (the packed package, installed by npm).
import assert from 'node:assert/strict';

/** The ```js blocks of a Markdown text. */
export function jsBlocks(markdown) {
  return [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

/**
 * The blocks as one program in which each checked statement becomes `check(() => (expr), value,
 * line)`. Returns the program and the number of checks in it.
 */
export function instrument(blocks) {
  const out = [];
  let checks = 0;
  for (const line of blocks.join('\n').split('\n')) {
    const inline = line.match(/^(\s*)(.+?);\s*\/\/ => (.+)$/);
    const alone = line.match(/^\s*\/\/ => (.+)$/);
    if (inline) {
      checks += 1;
      out.push(`${inline[1]}check(() => (${inline[2]}), ${inline[3]}, ${JSON.stringify(line.trim())});`);
    } else if (alone) {
      const previous = out.pop();
      const statement = previous.match(/^(\s*)(.+?);$/);
      assert.ok(statement, `a "// =>" line follows no statement: ${previous}`);
      checks += 1;
      out.push(`${statement[1]}check(() => (${statement[2]}), ${alone[1]}, ${JSON.stringify(previous.trim())});`);
    } else {
      out.push(line);
    }
  }
  return { program: out.join('\n'), checks };
}

/**
 * Runs the ```js blocks of `markdown` as one program, `require` standing for Node's (it is given
 * the names the blocks require) and each of `samples` (`{report2015: …}`) as a variable the
 * blocks use. Every `// =>` check must hold (deepEqual) and every one must run. Returns the
 * number of blocks and of checks.
 */
export function runReadme(markdown, { require, samples }) {
  const blocks = jsBlocks(markdown);
  const { program, checks } = instrument(blocks);
  let ran = 0;
  const check = (actual, expected, where) => {
    assert.deepEqual(actual(), expected, where);
    ran += 1;
  };
  const run = new Function('require', 'check', ...Object.keys(samples), program);
  run(require, check, ...Object.values(samples));
  // Every check ran: none sits in a branch the examples never take.
  assert.equal(ran, checks);
  return { blocks: blocks.length, checks };
}
