// Renders a rule's documentation (Ruff-style sections) from the rule file itself.
import type { Rule } from './rule';

export function renderRuleMarkdown(rule: Rule, glossaryTitle: (id: string) => string | undefined = () => undefined): string {
  const options = Object.entries(rule.options ?? {});
  const lines = [
    `# ${rule.name} (${rule.code})`,
    '',
    `${rule.summary}`,
    '',
    `Default severity: **${rule.defaultSeverity}**.` + (rule.fixSafety ? ` Fix: **${rule.fixSafety}**.` : ' No automatic fix.'),
    '',
    '## What it does',
    '',
    rule.docs.what,
    '',
    '## Why it matters',
    '',
    rule.docs.why,
    '',
    '## Example',
    '',
    '```' + (rule.docs.exampleLanguage ?? 'python'),
    rule.docs.example,
    '```',
    '',
    '## Fix',
    '',
    rule.docs.fix,
    '',
  ];
  if (options.length) {
    lines.push('## Options', '', '| option | default | meaning |', '| --- | --- | --- |');
    for (const [name, option] of options) lines.push(`| \`${name}\` | ${option.default} | ${option.description} |`);
    lines.push('');
  }
  if (rule.glossary.length) {
    lines.push('## Glossary terms', '');
    for (const id of rule.glossary) lines.push(`- ${glossaryTitle(id) ?? id} (\`${id}\`)`);
    lines.push('');
  }
  lines.push('## Suppressing', '', `Add \`# strategy-lint: ignore[${rule.name}]\` (or \`${rule.code}\`) at the end of the line, or \`# strategy-lint: ignore-file[${rule.name}]\` near the top of the file.`, '');
  return lines.join('\n');
}
