-- Competence frameworks: everyone, signed in or not, reads the frameworks, their areas, competences and
-- the mappings between them; only province admins write them. The loaded data is DigComp 2.2 (21
-- competences in 5 areas), Circular 02/2025/TT-BGDĐT (24 competences in 6 domains) and Decision
-- 757/QĐ-BKHCN (7 groups, one competence each), mapped onto one another.
begin;
create extension if not exists pgtap with schema extensions;
select plan(97);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql): commune A's citizen,
-- organizer and unit admin, and the province admin.
select tests.create_personas('citizen_a', 'organizer_a', 'admin_a', 'province_admin');
create temp table competence_framework_before as table public.competence_framework;
create temp table competence_area_before as table public.competence_area;
create temp table competence_before as table public.competence;
create temp table competence_mapping_before as table public.competence_mapping;

-- ───────────── everyone reads the three frameworks ─────────────
create function pg_temp.reads_frameworks(persona text) returns setof text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return next set_eq($q$ select code from public.competence_framework $q$,
    array['digcomp22', 'tt02_2025', 'qd757_2025'], persona || ' reads the three frameworks');
  return next results_eq($q$ select framework, count(*)::int from public.competence_area group by framework order by framework $q$,
    $q$ values ('digcomp22', 5), ('qd757_2025', 7), ('tt02_2025', 6) $q$,
    persona || ' reads DigComp''s 5 areas, Circular 02''s 6 domains and Decision 757''s 7 groups');
  return next results_eq($q$ select framework, count(*)::int from public.competence group by framework order by framework $q$,
    $q$ values ('digcomp22', 21), ('qd757_2025', 7), ('tt02_2025', 24) $q$,
    persona || ' reads DigComp''s 21 competences, Circular 02''s 24 and one per Decision 757 group');
  return next set_eq(
    $q$ select t.framework || ' ' || t.code from public.competence_mapping m
        join public.competence t on t.id = m.to_competence_id
        where m.from_competence_id = tests.competence('digcomp22', '4.2') $q$,
    array['tt02_2025 4.2', 'qd757_2025 4'],
    persona || ' reads that DigComp 4.2 maps onto Circular 02''s 4.2 and Decision 757''s group 4');
end
$$;
select pg_temp.reads_frameworks(persona)
from unnest(array['anonymous', 'citizen_a', 'organizer_a', 'admin_a', 'province_admin']) as persona;

-- ───────────── the loaded data, read anonymously ─────────────
select tests.sign_in_anonymously();

select set_eq($$ select code from public.competence where framework = 'digcomp22' $$,
  array['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '3.1', '3.2', '3.3', '3.4',
        '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '5.4'],
  'DigComp 2.2 has competences 1.1 to 5.4');
select set_eq($$ select code from public.competence where framework = 'tt02_2025' $$,
  $$ select code from public.competence where framework = 'digcomp22' union all values ('6.1'), ('6.2'), ('6.3') $$,
  'Circular 02 has DigComp''s competences and the three of domain 6 (AI)');
select set_eq($$ select code from public.competence where framework = 'qd757_2025' $$,
  array['0', '1', '2', '3', '4', '5', '6'], 'Decision 757 has groups 0 to 6, one competence each');
select results_eq($$ select code, max_level from public.competence_framework order by code $$,
  $$ values ('digcomp22', 8::smallint), ('qd757_2025', 1::smallint), ('tt02_2025', 8::smallint) $$,
  'DigComp and Circular 02 have 8 proficiency levels, Decision 757 one');
select results_eq($$ select name_vi, name_en from public.competence where id = tests.competence('digcomp22', '4.2') $$,
  $$ values ('Bảo vệ dữ liệu cá nhân và quyền riêng tư', 'Protecting personal data and privacy') $$,
  'DigComp 4.2 is protecting personal data and privacy');
select results_eq(
  $$ select a.code, a.name_vi from public.competence c join public.competence_area a on a.id = c.area_id
     where c.id = tests.competence('tt02_2025', '6.2') $$,
  $$ values ('6', 'Ứng dụng trí tuệ nhân tạo') $$,
  'Circular 02''s 6.2 sits in domain 6, applying artificial intelligence');
select is_empty(
  $$ select c.framework, c.code from public.competence c join public.competence_area a on a.id = c.area_id
     where a.framework <> c.framework or a.code <> split_part(c.code, '.', 1) $$,
  'every competence sits in the area of its own framework that its code names');
select set_eq($$ select framework || ' ' || code from public.competence where not confirmed $$,
  array['tt02_2025 6.1', 'tt02_2025 6.2', 'tt02_2025 6.3',
        'qd757_2025 1', 'qd757_2025 2', 'qd757_2025 3', 'qd757_2025 4', 'qd757_2025 5', 'qd757_2025 6'],
  'the unverified names are marked: Circular 02''s AI competences and Decision 757''s groups 1 to 6');
select results_eq(
  $$ select f.framework, t.framework, count(*)::int from public.competence_mapping m
     join public.competence f on f.id = m.from_competence_id join public.competence t on t.id = m.to_competence_id
     group by f.framework, t.framework order by 1, 2 $$,
  $$ values ('digcomp22', 'qd757_2025', 21), ('digcomp22', 'tt02_2025', 21), ('tt02_2025', 'qd757_2025', 24) $$,
  'mappings: DigComp onto Circular 02, and both onto Decision 757''s groups, every competence once');
select is_empty(
  $$ select d.code from public.competence d
     where d.framework = 'digcomp22' and not exists (
       select 1 from public.competence_mapping m join public.competence t on t.id = m.to_competence_id
       where m.from_competence_id = d.id and t.framework = 'tt02_2025' and t.code = d.code) $$,
  'every DigComp competence maps onto the Circular 02 competence of the same code');
select set_eq(
  $$ select f.framework || ' ' || f.code from public.competence_mapping m join public.competence f on f.id = m.from_competence_id
     where m.to_competence_id = tests.competence('qd757_2025', '6') $$,
  array['tt02_2025 6.1', 'tt02_2025 6.2', 'tt02_2025 6.3'],
  'Decision 757''s AI group 6 is reached from Circular 02''s domain 6 only');
select is_empty($$ select * from public.competence_mapping where to_competence_id = tests.competence('qd757_2025', '0') $$,
  'nothing maps onto Decision 757''s group 0 (using devices and software), which the others lack');

-- ───────────── anonymous writes nothing ─────────────
select throws_ok($$ insert into public.competence_framework (code, name_vi, name_en, source, max_level)
                    values ('thu_nghiem', 'Thử nghiệm', 'Trial', 'Không có', 3) $$,
  '42501', 'permission denied for table competence_framework', 'anonymous cannot add a framework');
select throws_ok($$ update public.competence_framework set note = 'Sửa' $$,
  '42501', 'permission denied for table competence_framework', 'anonymous cannot edit a framework');
select throws_ok($$ delete from public.competence_framework $$,
  '42501', 'permission denied for table competence_framework', 'anonymous cannot remove a framework');
select throws_ok($$ insert into public.competence_area (framework, code, name_vi, name_en, position)
                    values ('digcomp22', '9', 'Thử', 'Trial', 9) $$,
  '42501', 'permission denied for table competence_area', 'anonymous cannot add an area');
select throws_ok($$ update public.competence_area set confirmed = true $$,
  '42501', 'permission denied for table competence_area', 'anonymous cannot edit an area');
select throws_ok($$ delete from public.competence_area $$,
  '42501', 'permission denied for table competence_area', 'anonymous cannot remove an area');
select throws_ok($$ insert into public.competence (framework, area_id, code, name_vi, name_en)
                    select framework, id, '4.5', 'Thử', 'Trial' from public.competence_area where framework = 'digcomp22' and code = '4' $$,
  '42501', 'permission denied for table competence', 'anonymous cannot add a competence');
select throws_ok($$ update public.competence set name_en = 'Changed' $$,
  '42501', 'permission denied for table competence', 'anonymous cannot edit a competence');
select throws_ok($$ delete from public.competence $$,
  '42501', 'permission denied for table competence', 'anonymous cannot remove a competence');
select throws_ok($$ insert into public.competence_mapping values (tests.competence('digcomp22', '1.1'), tests.competence('tt02_2025', '1.2')) $$,
  '42501', 'permission denied for table competence_mapping', 'anonymous cannot add a mapping');
select throws_ok($$ update public.competence_mapping set to_competence_id = to_competence_id $$,
  '42501', 'permission denied for table competence_mapping', 'anonymous cannot edit a mapping');
select throws_ok($$ delete from public.competence_mapping $$,
  '42501', 'permission denied for table competence_mapping', 'anonymous cannot remove a mapping');

-- ───────────── nobody signed in but a province admin writes ─────────────
-- Not even an organizer (who tags courses with competences) or a unit admin.
create function pg_temp.frameworks_are_read_only_to(persona text) returns setof text language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return next throws_ok($q$ insert into public.competence_framework (code, name_vi, name_en, source, max_level)
                            values ('thu_nghiem', 'Thử nghiệm', 'Trial', 'Không có', 3) $q$,
    '42501', 'new row violates row-level security policy for table "competence_framework"', persona || ' cannot add a framework');
  return next is_empty($q$ update public.competence_framework set note = 'Sửa' returning code $q$,
    persona || '''s edit of the frameworks changes no row');
  return next is_empty($q$ delete from public.competence_framework returning code $q$,
    persona || '''s removal of the frameworks removes no row');
  return next throws_ok($q$ insert into public.competence_area (framework, code, name_vi, name_en, position)
                            values ('digcomp22', '9', 'Thử', 'Trial', 9) $q$,
    '42501', 'new row violates row-level security policy for table "competence_area"', persona || ' cannot add an area');
  return next is_empty($q$ update public.competence_area set confirmed = true returning id $q$,
    persona || '''s confirmation of the areas changes no row');
  return next is_empty($q$ delete from public.competence_area returning id $q$,
    persona || '''s removal of the areas removes no row');
  return next throws_ok($q$ insert into public.competence (framework, area_id, code, name_vi, name_en)
                            select framework, id, '4.5', 'Thử', 'Trial' from public.competence_area where framework = 'digcomp22' and code = '4' $q$,
    '42501', 'new row violates row-level security policy for table "competence"', persona || ' cannot add a competence');
  return next is_empty($q$ update public.competence set name_en = 'Changed' returning id $q$,
    persona || '''s edit of the competences changes no row');
  return next is_empty($q$ delete from public.competence returning id $q$,
    persona || '''s removal of the competences removes no row');
  return next throws_ok($q$ insert into public.competence_mapping values (tests.competence('digcomp22', '1.1'), tests.competence('tt02_2025', '1.2')) $q$,
    '42501', 'new row violates row-level security policy for table "competence_mapping"', persona || ' cannot add a mapping');
  return next is_empty($q$ update public.competence_mapping set to_competence_id = to_competence_id returning from_competence_id $q$,
    persona || '''s edit of the mappings changes no row');
  return next is_empty($q$ delete from public.competence_mapping returning from_competence_id $q$,
    persona || '''s removal of the mappings removes no row');
end
$$;
select pg_temp.frameworks_are_read_only_to(persona)
from unnest(array['citizen_a', 'organizer_a', 'admin_a']) as persona;

select tests.sign_out();
select results_eq($$ table public.competence_framework order by code $$, $$ table competence_framework_before order by code $$,
  'the frameworks are as they were: refused writes changed nothing');
select results_eq($$ table public.competence_area order by id $$, $$ table competence_area_before order by id $$,
  'the areas are as they were');
select results_eq($$ table public.competence order by id $$, $$ table competence_before order by id $$,
  'the competences are as they were');
select results_eq($$ table public.competence_mapping order by 1, 2 $$, $$ table competence_mapping_before order by 1, 2 $$,
  'the mappings are as they were');

-- ───────────── the province admin writes ─────────────
select tests.sign_in('province_admin');

select results_eq(
  $$ update public.competence_area set confirmed = true where framework = 'qd757_2025' and code = '4' returning name_vi $$,
  array['An toàn'], 'a province admin confirms a group name checked against Decision 757');
select results_eq(
  $$ update public.competence set name_vi = 'Hiểu biết cơ bản về trí tuệ nhân tạo', confirmed = true
     where id = tests.competence('tt02_2025', '6.1') returning code $$,
  array['6.1'], 'a province admin corrects and confirms a competence name');
select results_eq(
  $$ insert into public.competence_framework (code, name_vi, name_en, source, max_level)
     values ('khanh_hoa_2026', 'Khung kỹ năng số Khánh Hòa', 'Khánh Hòa digital skills', 'UBND tỉnh Khánh Hòa', 3) returning code $$,
  array['khanh_hoa_2026'], 'a province admin adds a framework');
select results_eq(
  $$ insert into public.competence_area (framework, code, name_vi, name_en, position)
     values ('khanh_hoa_2026', 'A', 'Dịch vụ công trực tuyến', 'Online public services', 1) returning code $$,
  array['A'], 'a province admin adds an area to it');
select results_eq(
  $$ insert into public.competence (framework, area_id, code, name_vi, name_en)
     select framework, id, 'A.1', 'Nộp hồ sơ trực tuyến', 'Filing applications online' from public.competence_area
     where framework = 'khanh_hoa_2026' and code = 'A' returning code $$,
  array['A.1'], 'a province admin adds a competence to that area');
select results_eq(
  $$ insert into public.competence_mapping values (tests.competence('khanh_hoa_2026', 'A.1'), tests.competence('qd757_2025', '2'))
     returning to_competence_id $$,
  array[tests.competence('qd757_2025', '2')], 'a province admin maps it onto a Decision 757 group');
select throws_ok(
  $$ insert into public.competence_mapping values (tests.competence('digcomp22', '1.1'), tests.competence('digcomp22', '1.1')) $$,
  '23514', null, 'a competence is not mapped onto itself');
select throws_ok(
  $$ insert into public.competence (framework, area_id, code, name_vi, name_en)
     select framework, id, '4.2', 'Trùng', 'Duplicate' from public.competence_area where framework = 'digcomp22' and code = '4' $$,
  '23505', null, 'a code is used once in a framework');
select throws_ok(
  $$ insert into public.competence_framework (code, name_vi, name_en, source, max_level) values ('DigComp 3', 'x', 'x', 'x', 8) $$,
  '23514', null, 'a framework code is lower-case letters, digits and underscores');
select results_eq($$ delete from public.competence_mapping where from_competence_id = tests.competence('khanh_hoa_2026', 'A.1')
                     returning to_competence_id $$,
  array[tests.competence('qd757_2025', '2')], 'a province admin removes a mapping');
select results_eq($$ delete from public.competence_framework where code = 'khanh_hoa_2026' returning code $$,
  array['khanh_hoa_2026'], 'a province admin removes a framework');
select is((select count(*)::int from public.competence where framework = 'khanh_hoa_2026'), 0,
  'and its areas and competences go with it');

-- ───────────── consistency ─────────────
-- competence.framework repeats the area's framework; a trigger keeps the two in agreement.
select tests.sign_out();
select throws_ok(
  $$ insert into public.competence (framework, area_id, code, name_vi, name_en)
     select 'digcomp22', id, '6.9', 'Lạc khung', 'Wrong framework' from public.competence_area where framework = 'tt02_2025' and code = '6' $$,
  '23514', null, 'a competence cannot sit in an area of another framework');

select * from finish();
rollback;
