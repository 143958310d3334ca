export const MAIN_USAGE = `Usage: tierwise <command> [options]

Commands:
  lint <policy>                               check a policy and print what is wrong with it
  evaluate --policy <path> --facts <path|->   decide every customer in a facts file

Options:
  -h, --help   show this help; 'tierwise <command> --help' shows a command's

A policy is one JSON file, or a folder of JSON files that load as one document
(rules/default is the seed policy).
`;

export const LINT_USAGE = `Usage: tierwise lint <policy> [--json]

Checks a policy (a JSON file, or a folder of JSON files) and prints every
finding, one a line, as '<error|warning> <json-pointer> <message>', then a summary.

Options:
  --json       print the findings as a JSON array instead
  -h, --help   show this help

Exit status: 0 no errors (warnings allowed); 1 errors, or the policy could not be read.
`;

export const EVALUATE_USAGE = `Usage: tierwise evaluate --policy <path> --facts <path|-> [--format jsonl|csv]

Decides every customer record of the input and prints one JSON line per record,
in input order: the decision, or for a record that cannot be decided
  {"customerId":...,"line":<input line>,"errors":[{"path":...,"message":...}]}

Options:
  -p, --policy <path>    policy JSON file or folder
  -f, --facts <path|->   customer records; '-' reads stdin
      --format <format>  jsonl: one JSON object a line (.jsonl, .ndjson, .json)
                         csv: a header row of fact names and customerId (.csv)
                         Default: from the file's extension; jsonl for stdin.
  -h, --help             show this help

CSV cells are read by the fact's type: numbers as numbers; booleans as
true/false/yes/no/1/0; dates and text as written. An empty cell leaves the fact
absent. A cell that cannot be read is reported as its record's error.

A policy with population facts (rank, percentile, cumulative share) reads the
input twice: once to measure all valid records, once to decide them. Stdin is
spooled to a temporary file for that, and deleted afterwards.

Exit status: 0 every record decided; 2 some records invalid (the others are
still decided); 1 the policy fails lint (nothing is decided), or the arguments
or the input cannot be used.
`;
