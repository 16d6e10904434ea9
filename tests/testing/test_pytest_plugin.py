"""The pytest plugin (entry point ``pytest11``): its fixtures in real pytest runs of their own
(pytester, in subprocesses), and aiosdm itself never importing pytest."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

# The official client comes from a fixture of the user's own (aiosdm never imports it), on
# the plugin's server, as the README shows.
OFFICIAL_CLIENT_FIXTURE = """
import pytest


@pytest.fixture
def strongdm_client(aiosdm_server):
    strongdm = pytest.importorskip("strongdm")
    client = strongdm.Client(
        aiosdm_server.access_key, aiosdm_server.secret_key, host=aiosdm_server.host, insecure=True
    )
    yield client
    client.close()
"""

USES_EVERY_FIXTURE = """
import pytest
import strongdm

import aiosdm


def test_the_official_client_writes_to_the_server(aiosdm_server, strongdm_client):
    strongdm_client.roles.create(strongdm.Role(name="ops"))

    async def names():
        async with aiosdm_server.server.client() as client:
            return [role.name async for role in client.roles.list("")]

    assert aiosdm_server.call(names) == ["ops"]


def test_each_test_gets_a_fresh_server(strongdm_client):
    assert list(strongdm_client.roles.list("")) == []


@pytest.mark.asyncio
async def test_both_clients_see_one_server(aiosdm_client, strongdm_client, aiosdm_server):
    role = (await aiosdm_client.roles.create(aiosdm.Role(name="ops"))).role
    assert strongdm_client.roles.get(role.id).role.name == "ops"
    assert aiosdm_client.host == aiosdm_server.host


@pytest.fixture
def aiosdm_server_options(tmp_path):
    return {"db": str(tmp_path / "state.db")}


def test_options_reach_the_server(aiosdm_server, tmp_path):
    assert (tmp_path / "state.db").exists()
"""


def test_the_plugin_is_registered_for_pytest() -> None:
    (plugin,) = [e for e in entry_points(group="pytest11") if e.name == "aiosdm"]
    assert plugin.value == "aiosdm.testing.pytest_plugin"


def test_the_fixtures_work_in_a_pytest_run_of_their_own(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(OFFICIAL_CLIENT_FIXTURE)
    pytester.makepyfile(test_users_code=USES_EVERY_FIXTURE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=120)
    result.assert_outcomes(passed=4)


def test_the_plugin_works_where_strongdm_cannot_be_imported(pytester: pytest.Pytester) -> None:
    # None in sys.modules makes `import strongdm` raise ImportError, as on a machine without it:
    # the plugin neither needs it nor offers a fixture for it.
    pytester.makeconftest("import sys\nsys.modules['strongdm'] = None\n")
    pytester.makepyfile(
        test_users_code="""
        import pytest

        import aiosdm

        def test_no_official_fixture(request):
            with pytest.raises(pytest.FixtureLookupError):
                request.getfixturevalue("strongdm_client")

        @pytest.mark.asyncio
        async def test_ours_still_runs(aiosdm_client):
            await aiosdm_client.roles.create(aiosdm.Role(name="ops"))
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=120)
    result.assert_outcomes(passed=2)


def test_aiosdm_never_imports_pytest() -> None:
    probe = (
        "import json, sys\n"
        "import aiosdm, aiosdm.testing, aiosdm.client\n"
        "aiosdm.Client, aiosdm.User\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pytest', '_pytest', 'pytest_asyncio') or m.endswith('pytest_plugin'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []
