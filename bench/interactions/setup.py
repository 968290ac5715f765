"""Creates the benchmark's organisations, sites and users through the API (and, for the users,
SQL: this branch has no members API yet), then prints their ids as shell variables."""
import json
import re
import os
import subprocess
import sys
import urllib.request

base = os.environ["BENCH_URL"]
admin_email = os.environ["ATRIUM_ADMIN_EMAIL"]
admin_password = os.environ["ATRIUM_ADMIN_PASSWORD"]
psql = os.environ["BENCH_PSQL"].split()
sites_per_org = int(os.environ.get("SITES", "10"))


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def sql(statement):
    return subprocess.run(psql + ["-qAt", "-c", statement], check=True, capture_output=True, text=True).stdout.strip()


token = call("POST", "/api/v1/auth/login", {"email": admin_email, "password": admin_password})["accessToken"]
out = {}
for key, name in (("A", "Bench Org A"), ("B", "Bench Org B")):
    org = call("POST", "/api/v1/organisations", {"name": name, "slug": "bench-" + key.lower(), "industry": "B2B"}, token)
    out["ORG_" + key] = org["id"]
    for n in range(1, sites_per_org + 1):
        site = call("POST", f"/api/v1/organisations/{org['id']}/sites",
                    {"name": f"Site {n:02d}", "timezone": "Europe/London"}, token)
        if n == 1:
            out["SITE_" + key] = site["id"]
    email = f"bench-{key.lower()}@bench.local"
    # a member who is EDITOR at every site: the Finder then runs with an explicit site list
    # under row-level security, the more demanding path; same password as the admin
    user = sql(f"""
        set search_path = atrium;
        insert into users (id, email, display_name, status, password_hash, password_change_required, created_at, updated_at)
        select uuidv7(), '{email}', 'Bench {key}', 'ACTIVE', password_hash, false, now(), now() from users where email = '{admin_email}'
        returning id;""")
    user = re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", user).group(0)
    sql(f"""
        set search_path = atrium;
        insert into organisation_members (organisation_id, user_id, role, status, created_at, updated_at)
        values ('{org['id']}', '{user}', 'MEMBER', 'ACTIVE', now(), now());
        insert into site_members (organisation_id, site_id, user_id, role, created_at)
        select organisation_id, id, '{user}', 'EDITOR', now() from sites where organisation_id = '{org['id']}';""")
    out["USER_" + key] = user
    out["EMAIL_" + key] = email
for key, value in out.items():
    print(f"{key}={value}")
