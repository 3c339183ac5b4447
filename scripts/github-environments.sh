#!/usr/bin/env bash
# Creates (or updates) the GitHub environments the workflows deploy from, with the protection that makes them trust
# boundaries, and checks that no deploy secret sits where a pull request can read it. Run it once per repository,
# and again after changing this file:
#
#   scripts/github-environments.sh OWNER/REPO REVIEWER [REVIEWER...]
#
# REVIEWER is a GitHub user (`alice`) or a team (`my-org/platform`), and approves deploys to production. Needs the
# GitHub CLI logged in as a repository admin. docs/ci-cd.md ("Trust boundaries") explains each setting;
# TrustBoundariesTest runs this script against a stand-in `gh` and checks the workflows and the AWS roles against
# what it configures.
#
# GitHub REST API: "Create or update an environment" (PUT repos/{owner}/{repo}/environments/{name}: reviewers,
# prevent_self_review, deployment_branch_policy), "Create a deployment branch policy" (POST
# .../environments/{name}/deployment-branch-policies), "List repository secrets" (GET repos/{owner}/{repo}/actions/secrets).
set -euo pipefail

if (( $# < 2 )); then
    echo "usage: $0 OWNER/REPO REVIEWER [REVIEWER...]   (REVIEWER: a user login or ORG/TEAM)" >&2
    exit 2
fi
repo=$1
shift

# Every environment deploys from main only: a job that names one from any other branch (a pull request's, whatever it
# wrote in its workflow files) is refused before it starts, so it never gets the environment's secrets or an OIDC
# token with the environment's subject.
ENVIRONMENTS=(dev staging production acceptance)
# Environments whose deploys also wait for a reviewer who did not start the run.
REVIEWED=(production)
# The only secret a pull request may read (a Pulumi token that can read the dev stack and nothing else).
REPOSITORY_SECRETS=(PULUMI_PREVIEW_TOKEN)

reviewers='[]'
for reviewer in "$@"; do
    if [[ "$reviewer" == */* ]]; then
        id=$(gh api "orgs/${reviewer%%/*}/teams/${reviewer#*/}" --jq .id)
        reviewers=$(jq -c --argjson id "$id" '. + [{"type": "Team", "id": $id}]' <<< "$reviewers")
    else
        id=$(gh api "users/$reviewer" --jq .id)
        reviewers=$(jq -c --argjson id "$id" '. + [{"type": "User", "id": $id}]' <<< "$reviewers")
    fi
done

for environment in "${ENVIRONMENTS[@]}"; do
    these='[]'
    if [[ " ${REVIEWED[*]} " == *" $environment "* ]]; then
        these=$reviewers
    fi
    jq -n --argjson reviewers "$these" '{
          wait_timer: 0,
          prevent_self_review: ($reviewers | length > 0),
          reviewers: $reviewers,
          deployment_branch_policy: {protected_branches: false, custom_branch_policies: true}
        }' | gh api --method PUT "repos/$repo/environments/$environment" --input - > /dev/null
    existing=$(gh api "repos/$repo/environments/$environment/deployment-branch-policies" --jq '[.branch_policies[].name] | join(" ")')
    if [[ " $existing " != *" main "* ]]; then
        gh api --method POST "repos/$repo/environments/$environment/deployment-branch-policies" \
            -f name=main -f type=branch > /dev/null
    fi
    echo "environment $environment: deploys from main only$( [[ "$these" != '[]' ]] && echo ", after a review" )"
done

# A repository secret reaches every job of a same-repository pull request; a deploy token must live in its environment.
unexpected=$(gh api "repos/$repo/actions/secrets" --jq '[.secrets[].name] | join(" ")')
status=0
for name in $unexpected; do
    if [[ " ${REPOSITORY_SECRETS[*]} " != *" $name "* ]]; then
        echo "repository secret $name is readable by every pull request: move it into the environment that needs it" \
            "(gh secret set $name --env <environment>) and delete it from the repository (gh secret delete $name)" >&2
        status=1
    fi
done
exit $status
