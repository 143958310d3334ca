import type { PolicyDto, PolicyVersionDto, PolicyVersionSummaryDto } from './dto/policy.dto.js';
import type { PolicyVersionEntity } from './policy-version.entity.js';
import type { PolicyOverview, VersionListRow } from './policy-version.repository.js';

export function toPolicyDto(policy: PolicyOverview): PolicyDto {
  return {
    id: policy.id,
    name: policy.name,
    createdAt: policy.createdAt.toISOString(),
    publishedVersion: policy.published?.version ?? null,
    publishedHash: policy.published?.hash ?? null,
    publishedAt: policy.published?.publishedAt.toISOString() ?? null,
    publishedBy: policy.published?.publishedBy ?? null,
    latestVersion: policy.latestVersion,
    drafts: policy.drafts,
    grading: policy.grading,
    schedule: policy.gradingSchedule,
  };
}

export function toVersionSummaryDto(row: VersionListRow): PolicyVersionSummaryDto {
  const errors = row.lintFindings.filter((finding) => finding.severity === 'error').length;
  return {
    id: row.version,
    policyId: row.policyId,
    version: row.version,
    status: row.status,
    hash: row.hash,
    revision: row.revision,
    lint: { errors, warnings: row.lintFindings.length - errors },
    basedOn: row.basedOn,
    baseVersion: row.baseVersion,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  };
}

export function toVersionDto(row: PolicyVersionEntity): PolicyVersionDto {
  return { ...toVersionSummaryDto(row), document: row.document, lintFindings: row.lintFindings };
}
