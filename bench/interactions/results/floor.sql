begin transaction read only;
select set_config('atrium.user_id', '01a24d0e-a59e-7e48-a896-1a668dcc2bfe', true), set_config('atrium.org_id', '01a24d0e-a49b-7c63-9e55-f97743467662', true), set_config('atrium.site_ids', '01a24d0e-a4c2-7330-8759-5b79c15fc16a,01a24d0e-a4d9-7044-860e-9b5ee4951448,01a24d0e-a4f0-79cf-97f7-5a3ee39a113b,01a24d0e-a506-7d12-9a6f-dab8b4cf58e2,01a24d0e-a520-7ae7-ab8e-85360e704ba9,01a24d0e-a536-7f10-a466-82557222c5bd,01a24d0e-a546-7bec-bca0-c9e207c42f12,01a24d0e-a556-74e6-a254-5ae5f1fbe6c3,01a24d0e-a56a-7b25-b3b6-1ca5b52b02ca,01a24d0e-a57a-7609-a11e-cc45a3debb32', true), set_config('atrium.platform', 'off', true);
select id, name, version from interaction_types where organisation_id = '01a24d0e-a49b-7c63-9e55-f97743467662' order by lower(name);
commit;
