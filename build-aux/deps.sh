# shellcheck shell=bash
# Debian packages that build, test and run Relance, and a function that
# installs the missing ones. Sourced by build-aux/run and build-aux/check.

RELANCE_DEB_PACKAGES=(
  libgtk-4-dev libadwaita-1-dev libpoppler-glib-dev libcairo2-dev
  libsqlite3-dev libxml2-dev meson ninja-build gettext itstool yelp-tools
  desktop-file-utils appstream xvfb xauth imagemagick poppler-utils sqlite3
  locales librsvg2-dev
)

# relance_install_deps: install the packages of RELANCE_DEB_PACKAGES that
# are not installed yet. Returns 0 when everything is installed, 1 when it
# could not install them (the message says what to install).
relance_install_deps() {
  local pkg status
  local -a missing=() sudo=()

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "relance: not a Debian system; make sure these (or your distribution's equivalents) are installed:" >&2
    echo "  ${RELANCE_DEB_PACKAGES[*]}" >&2
    return 0
  fi

  for pkg in "${RELANCE_DEB_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if ! grep -q 'install ok installed' <<<"$status"; then
      missing+=("$pkg")
    fi
  done

  if ((${#missing[@]} == 0)); then
    return 0
  fi

  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "relance: these Debian packages are missing:" >&2
      echo "  ${missing[*]}" >&2
      echo "Install them as root with:" >&2
      echo "  apt-get update && apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi

  echo "relance: installing missing packages: ${missing[*]}" >&2
  ${sudo[@]+"${sudo[@]}"} apt-get update -q </dev/null || return 1
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q "${missing[@]}" </dev/null || return 1
}
