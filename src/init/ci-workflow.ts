/**
 * The GitHub Actions workflow of a new platform repository: on every push and pull request it
 * installs, runs the tests and synthesizes; on a pull request it also compares the platform
 * with the base branch (`cdk8s-crossplane diff`) and shows the Markdown summary on the run's
 * page, failing the check on a breaking change.
 */
export const CI_WORKFLOW_PATH = '.github/workflows/ci.yaml';

export const CI_WORKFLOW = `# Tests, synth and, on pull requests, the API diff against the base branch.
name: ci
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  platform:
    runs-on: ubuntu-latest
    env:
      # cdk8s-cli checks npm for a newer version on every synth; CI does not need it.
      CDK8S_CHECK_UPGRADE: "false"
    steps:
      - uses: actions/checkout@v4
        with:
          # diff synthesizes the base branch from git history.
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - run: npm test
      - run: npx cdk8s synth
      - name: API diff against the base branch
        if: github.event_name == 'pull_request'
        run: npx cdk8s-crossplane diff --base "origin/\${{ github.base_ref }}" --output api-diff.md
      - name: Show the API diff
        if: always() && github.event_name == 'pull_request'
        run: if [ -f api-diff.md ]; then cat api-diff.md >> "$GITHUB_STEP_SUMMARY"; fi
`;
