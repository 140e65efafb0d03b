# Shared shell functions for scripts/start, scripts/test and .ci/run. Source it, don't run it.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${WEGWIJZER_VENV:-$REPO/.venv}"
SPACY_DIR="$REPO/build/spacy_nl"
export PYTHONPATH="$REPO${PYTHONPATH:+:$PYTHONPATH}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export PYTHONDONTWRITEBYTECODE=1
export RASA_TELEMETRY_ENABLED=false
export SQLALCHEMY_SILENCE_UBER_WARNING=1

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

find_python310() {
    local candidate
    for candidate in python3.10 "$(command -v pyenv >/dev/null 2>&1 && echo "$(pyenv root)/versions/3.10"*/bin/python3.10)" \
        /root/.pyenv/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do
        [ -n "$candidate" ] || continue
        if "$candidate" -c 'import sys, ssl, sqlite3, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Creates the virtualenv and installs the project's dependencies when pyproject.toml changed.
ensure_venv() {
    local py stamp want
    if [ ! -x "$VENV/bin/python" ]; then
        step "Python 3.10-omgeving maken in $VENV"
        py="$(find_python310)" || { echo "Python 3.10 niet gevonden. Installeer python3.10 (bijvoorbeeld met pyenv)." >&2; exit 1; }
        "$py" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --quiet --upgrade "pip<25" wheel "setuptools<71"
    fi
    stamp="$VENV/.wegwijzer-deps"
    want="$(sha256sum "$REPO/pyproject.toml" | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        step "Afhankelijkheden installeren (rasa 3.6, spaCy, ...; de eerste keer duurt dit enkele minuten)"
        "$VENV/bin/python" -m pip install --progress-bar on -e "$REPO[test]"
        echo "$want" > "$stamp"
    fi
    export PATH="$VENV/bin:$PATH"
}

# Builds the blank Dutch spaCy pipeline that Rasa's SpacyNLP loads (no model download exists here).
ensure_spacy() {
    if [ ! -f "$SPACY_DIR/config.cfg" ]; then
        step "Nederlandse spaCy-pijplijn bouwen in build/spacy_nl"
        "$VENV/bin/python" -m bot.nlu.build_spacy "$SPACY_DIR"
    fi
}

# Trains a model unless models/wegwijzer.tar.gz already matches config, domain, data and the NLU
# code that shapes it (bot/tooling/model_fingerprint.py decides; content/ changes never need training).
ensure_model() {
    if (cd "$REPO" && "$VENV/bin/python" -m bot.tooling.model_fingerprint check models/wegwijzer.tar.gz); then
        step "Model is actueel (models/wegwijzer.tar.gz); niet opnieuw trainen"
        return 0
    fi
    step "Model trainen (config, domein of trainingsdata veranderd; duurt een paar minuten)"
    (cd "$REPO" && "$VENV/bin/python" -m bot.rasa_runtime train \
        --config bot/rasa/config.yml --domain bot/rasa/domain --data data \
        --out models --fixed-model-name wegwijzer --force \
        && "$VENV/bin/python" -m bot.tooling.model_fingerprint write models/wegwijzer.tar.gz)
}

setup_all() {
    ensure_venv
    ensure_spacy
}
