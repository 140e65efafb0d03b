"""Index on the audit log by target: the console reads a help request's status history from it
(bot.privacy.audit.AuditLog.for_target, issue 20), once per request page.

Revision ID: 0002
Revises: 0001

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # the console adds this index itself to a database it finds without it (AuditLog.ensure_table), so it
    # may exist already
    existing = {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes('audit_log')}
    if 'ix_audit_log_doel' not in existing:
        op.create_index('ix_audit_log_doel', 'audit_log', ['doel_soort', 'doel_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_doel', table_name='audit_log')
