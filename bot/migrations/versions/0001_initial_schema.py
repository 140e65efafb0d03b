"""Initial schema: help requests and outbox, audit log (append-only, enforced by triggers), console.

Matches bot.hulpvraag.schema, bot.privacy.audit and bot.storage.console_schema as of this revision; the test
tests/integration/production/test_migrations.py checks that upgrade head gives exactly the metadata.

Revision ID: 0001
Revises: 

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# audit_log refuses UPDATE and DELETE (the same statements as bot.privacy.audit, frozen here)
_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_log_geen_wijziging BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_geen_verwijdering BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END",
)
_PG_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_log_alleen_toevoegen() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is alleen-toevoegen'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS audit_log_alleen_toevoegen ON audit_log",
    "CREATE TRIGGER audit_log_alleen_toevoegen BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_alleen_toevoegen()",
)


def _audit_triggers_up() -> None:
    dialect = op.get_bind().dialect.name
    for sql in _SQLITE_TRIGGERS if dialect == "sqlite" else _PG_TRIGGERS if dialect == "postgresql" else ():
        op.execute(sql)


def _audit_triggers_down() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_alleen_toevoegen ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_alleen_toevoegen()")


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tijdstip', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('actie', sa.String(length=40), nullable=False),
    sa.Column('doel_soort', sa.String(length=40), nullable=False),
    sa.Column('doel_id', sa.String(length=255), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_audit_log_actor', 'audit_log', ['actor', 'tijdstip'], unique=False)
    op.create_index('ix_audit_log_tijdstip', 'audit_log', ['tijdstip'], unique=False)
    _audit_triggers_up()

    op.create_table('console_account',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('gebruikersnaam', sa.String(length=64), nullable=False),
    sa.Column('wachtwoord_hash', sa.String(length=255), nullable=False),
    sa.Column('rol', sa.String(length=20), nullable=False),
    sa.Column('regios', sa.Text(), nullable=False),
    sa.Column('actief', sa.Boolean(), nullable=False),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('gebruikersnaam')
    )
    op.create_table('console_blokkade',
    sa.Column('sleutel', sa.String(length=300), nullable=False),
    sa.Column('tot', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sleutel')
    )
    op.create_table('console_inlogpoging',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sleutel', sa.String(length=300), nullable=False),
    sa.Column('tijd', sa.DateTime(), nullable=False),
    sa.Column('gelukt', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_inlogpoging_sleutel_tijd', 'console_inlogpoging', ['sleutel', 'tijd'], unique=False)

    op.create_table('console_label',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doel_type', sa.String(length=20), nullable=False),
    sa.Column('doel_id', sa.String(length=255), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('door', sa.String(length=64), nullable=False),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('doel_type', 'doel_id', 'label', name='uq_console_label')
    )
    op.create_table('console_notitie',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doel_type', sa.String(length=20), nullable=False),
    sa.Column('doel_id', sa.String(length=255), nullable=False),
    sa.Column('auteur', sa.String(length=64), nullable=False),
    sa.Column('tekst', sa.Text(), nullable=False),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_notitie_doel', 'console_notitie', ['doel_type', 'doel_id'], unique=False)

    op.create_table('console_sessie',
    sa.Column('sleutel_hash', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.Column('laatst_gezien_op', sa.DateTime(), nullable=False),
    sa.Column('verloopt_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sleutel_hash')
    )
    op.create_index('ix_console_sessie_account_id', 'console_sessie', ['account_id'], unique=False)

    op.create_table('console_toewijzing',
    sa.Column('hulpverzoek_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('door', sa.String(length=64), nullable=False),
    sa.Column('toegewezen_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('hulpverzoek_id')
    )
    op.create_table('hulpverzoek',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('referentie', sa.String(length=16), nullable=False),
    sa.Column('gesprek_id', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.Column('bijgewerkt_op', sa.DateTime(), nullable=False),
    sa.Column('afgesloten_op', sa.DateTime(), nullable=True),
    sa.Column('contactpunt_naam', sa.String(length=200), nullable=False),
    sa.Column('contactpunt_gebied', sa.String(length=10), nullable=False),
    sa.Column('reactietermijn_werkdagen', sa.Integer(), nullable=False),
    sa.Column('rol', sa.String(length=20), nullable=False),
    sa.Column('gemeente_code', sa.String(length=10), nullable=False),
    sa.Column('gemeente_naam', sa.String(length=200), nullable=False),
    sa.Column('leeftijd', sa.Integer(), nullable=True),
    sa.Column('schoolfase', sa.String(length=200), nullable=False),
    sa.Column('schooltype', sa.String(length=200), nullable=False),
    sa.Column('thuis_sinds', sa.String(length=200), nullable=False),
    sa.Column('geprobeerd', sa.String(length=200), nullable=False),
    sa.Column('hulpvraag', sa.Text(), nullable=False),
    sa.Column('telefoon', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('voorkeurstijd', sa.String(length=200), nullable=False),
    sa.Column('toestemming', sa.Boolean(), nullable=False),
    sa.Column('kanaal', sa.String(length=20), nullable=False),
    sa.Column('stappenplan', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('referentie')
    )
    op.create_index('ix_hulpverzoek_gesprek_id', 'hulpverzoek', ['gesprek_id'], unique=False)
    op.create_index('ix_hulpverzoek_status_afgesloten', 'hulpverzoek', ['status', 'afgesloten_op'], unique=False)

    op.create_table('hulpverzoek_bezorging',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('hulpverzoek_id', sa.Integer(), nullable=False),
    sa.Column('soort', sa.String(length=20), nullable=False),
    sa.Column('doel', sa.String(length=10), nullable=False),
    sa.Column('adres', sa.String(length=500), nullable=False),
    sa.Column('gebied', sa.String(length=10), nullable=False),
    sa.Column('idempotentiesleutel', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('pogingen', sa.Integer(), nullable=False),
    sa.Column('volgende_poging_op', sa.DateTime(), nullable=False),
    sa.Column('lease_tot', sa.DateTime(), nullable=True),
    sa.Column('lease_houder', sa.String(length=100), nullable=True),
    sa.Column('laatste_fout', sa.Text(), nullable=True),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.Column('bezorgd_op', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['hulpverzoek_id'], ['hulpverzoek.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hulpverzoek_id', 'soort', 'doel', 'adres', name='uq_bezorging_doel'),
    sa.UniqueConstraint('idempotentiesleutel')
    )
    op.create_index('ix_bezorging_due', 'hulpverzoek_bezorging', ['status', 'volgende_poging_op'], unique=False)
    op.create_index('ix_bezorging_verzoek', 'hulpverzoek_bezorging', ['hulpverzoek_id'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    _audit_triggers_down()
    op.drop_index('ix_bezorging_verzoek', table_name='hulpverzoek_bezorging')
    op.drop_index('ix_bezorging_due', table_name='hulpverzoek_bezorging')

    op.drop_table('hulpverzoek_bezorging')
    op.drop_index('ix_hulpverzoek_status_afgesloten', table_name='hulpverzoek')
    op.drop_index('ix_hulpverzoek_gesprek_id', table_name='hulpverzoek')

    op.drop_table('hulpverzoek')
    op.drop_table('console_toewijzing')
    op.drop_index('ix_console_sessie_account_id', table_name='console_sessie')

    op.drop_table('console_sessie')
    op.drop_index('ix_notitie_doel', table_name='console_notitie')

    op.drop_table('console_notitie')
    op.drop_table('console_label')
    op.drop_index('ix_inlogpoging_sleutel_tijd', table_name='console_inlogpoging')

    op.drop_table('console_inlogpoging')
    op.drop_table('console_blokkade')
    op.drop_table('console_account')
    op.drop_index('ix_audit_log_tijdstip', table_name='audit_log')
    op.drop_index('ix_audit_log_actor', table_name='audit_log')

    op.drop_table('audit_log')
