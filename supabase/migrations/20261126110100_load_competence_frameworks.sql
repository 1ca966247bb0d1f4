-- Loads the three frameworks the platform tags content with.
--
-- DigComp 2.2 (EU Joint Research Centre, 2022): 5 areas, 21 competences, 8 proficiency levels; names as
-- published (Vuorikari, Kluzer & Punie, "DigComp 2.2", JRC128415).
--
-- Circular 02/2025/TT-BGDĐT (Ministry of Education and Training, 24 Jan 2025), the digital competence
-- framework for learners: 6 domains, 24 competences, 4 levels in 8 steps, built on DigComp 2.2. Domains
-- 1–5 follow DigComp's competences; domain 6 adds artificial intelligence. The Vietnamese names of the
-- domains are those of the Circular; the competence names of domains 1–5 are the Circular's renderings of
-- DigComp's and the three AI competences could not be checked word for word against the published text
-- here: they are marked confirmed = false.
--
-- Decision 757/QĐ-BKHCN (Ministry of Science and Technology, 29 Apr 2025), basic digital skills for
-- citizens: group 0 (using devices and software) and groups 1–6. Only the group structure is loaded;
-- the group names other than group 0 mirror the Circular's domains and are marked confirmed = false
-- until checked against the decision's text.

insert into public.competence_framework (code, name_vi, name_en, source, max_level, note) values
  ('digcomp22', 'Khung năng lực số DigComp 2.2 (EU)', 'DigComp 2.2: The Digital Competence Framework for Citizens',
   'European Commission, Joint Research Centre, 2022 (JRC128415)', 8, null),
  ('tt02_2025', 'Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)', 'Digital competence framework for learners (Circular 02/2025/TT-BGDĐT)',
   'Bộ Giáo dục và Đào tạo, Thông tư 02/2025/TT-BGDĐT ngày 24/01/2025', 8,
   '4 levels (cơ bản, trung cấp, nâng cao, chuyên sâu) in 8 steps; domain 6 competence names not verified word for word'),
  ('qd757_2025', 'Kỹ năng số cơ bản cho người dân (Quyết định 757/QĐ-BKHCN)', 'Basic digital skills for citizens (Decision 757/QĐ-BKHCN)',
   'Bộ Khoa học và Công nghệ, Quyết định 757/QĐ-BKHCN ngày 29/04/2025', 1,
   'Group structure only; names of groups 1–6 not verified against the decision');

-- ── DigComp 2.2 ──
insert into public.competence_area (framework, code, name_vi, name_en, position) values
  ('digcomp22', '1', 'Hiểu biết về thông tin và dữ liệu', 'Information and data literacy', 1),
  ('digcomp22', '2', 'Giao tiếp và hợp tác', 'Communication and collaboration', 2),
  ('digcomp22', '3', 'Sáng tạo nội dung số', 'Digital content creation', 3),
  ('digcomp22', '4', 'An toàn', 'Safety', 4),
  ('digcomp22', '5', 'Giải quyết vấn đề', 'Problem solving', 5);

-- ── Circular 02/2025 ──
insert into public.competence_area (framework, code, name_vi, name_en, position) values
  ('tt02_2025', '1', 'Khai thác dữ liệu và thông tin', 'Data and information exploitation', 1),
  ('tt02_2025', '2', 'Giao tiếp và hợp tác trong môi trường số', 'Communication and collaboration in the digital environment', 2),
  ('tt02_2025', '3', 'Sáng tạo nội dung số', 'Digital content creation', 3),
  ('tt02_2025', '4', 'An toàn', 'Safety', 4),
  ('tt02_2025', '5', 'Giải quyết vấn đề', 'Problem solving', 5),
  ('tt02_2025', '6', 'Ứng dụng trí tuệ nhân tạo', 'Applying artificial intelligence', 6);

-- ── Decision 757/QĐ-BKHCN ──
insert into public.competence_area (framework, code, name_vi, name_en, position, confirmed) values
  ('qd757_2025', '0', 'Sử dụng thiết bị và phần mềm', 'Using devices and software', 0, true),
  ('qd757_2025', '1', 'Khai thác dữ liệu và thông tin', 'Data and information exploitation', 1, false),
  ('qd757_2025', '2', 'Giao tiếp và hợp tác trong môi trường số', 'Communication and collaboration in the digital environment', 2, false),
  ('qd757_2025', '3', 'Sáng tạo nội dung số', 'Digital content creation', 3, false),
  ('qd757_2025', '4', 'An toàn', 'Safety', 4, false),
  ('qd757_2025', '5', 'Giải quyết vấn đề', 'Problem solving', 5, false),
  ('qd757_2025', '6', 'Ứng dụng trí tuệ nhân tạo', 'Applying artificial intelligence', 6, false);

-- Competences of DigComp 2.2 and of Circular 02/2025 domains 1–5 share codes and meaning.
with digcomp (code, name_vi, name_en) as (values
  ('1.1', 'Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số', 'Browsing, searching and filtering data, information and digital content'),
  ('1.2', 'Đánh giá dữ liệu, thông tin và nội dung số', 'Evaluating data, information and digital content'),
  ('1.3', 'Quản lý dữ liệu, thông tin và nội dung số', 'Managing data, information and digital content'),
  ('2.1', 'Tương tác thông qua công nghệ số', 'Interacting through digital technologies'),
  ('2.2', 'Chia sẻ thông qua công nghệ số', 'Sharing through digital technologies'),
  ('2.3', 'Tham gia với tư cách công dân thông qua công nghệ số', 'Engaging in citizenship through digital technologies'),
  ('2.4', 'Hợp tác thông qua công nghệ số', 'Collaborating through digital technologies'),
  ('2.5', 'Quy tắc ứng xử trên mạng', 'Netiquette'),
  ('2.6', 'Quản lý danh tính số', 'Managing digital identity'),
  ('3.1', 'Phát triển nội dung số', 'Developing digital content'),
  ('3.2', 'Tích hợp và tái tạo nội dung số', 'Integrating and re-elaborating digital content'),
  ('3.3', 'Bản quyền và giấy phép', 'Copyright and licences'),
  ('3.4', 'Lập trình', 'Programming'),
  ('4.1', 'Bảo vệ thiết bị', 'Protecting devices'),
  ('4.2', 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', 'Protecting personal data and privacy'),
  ('4.3', 'Bảo vệ sức khỏe và an sinh', 'Protecting health and well-being'),
  ('4.4', 'Bảo vệ môi trường', 'Protecting the environment'),
  ('5.1', 'Giải quyết các vấn đề kỹ thuật', 'Solving technical problems'),
  ('5.2', 'Xác định nhu cầu và giải pháp công nghệ', 'Identifying needs and technological responses'),
  ('5.3', 'Sử dụng sáng tạo công nghệ số', 'Creatively using digital technologies'),
  ('5.4', 'Xác định những thiếu hụt về năng lực số', 'Identifying digital competence gaps')
), frameworks (framework) as (values ('digcomp22'), ('tt02_2025'))
insert into public.competence (framework, area_id, code, name_vi, name_en)
select f.framework, a.id, d.code, d.name_vi, d.name_en
from digcomp d cross join frameworks f
join public.competence_area a on a.framework = f.framework and a.code = split_part(d.code, '.', 1);

insert into public.competence (framework, area_id, code, name_vi, name_en, confirmed)
select 'tt02_2025', a.id, v.code, v.name_vi, v.name_en, false
from (values
  ('6.1', 'Hiểu biết về trí tuệ nhân tạo', 'Understanding artificial intelligence'),
  ('6.2', 'Sử dụng trí tuệ nhân tạo', 'Using artificial intelligence'),
  ('6.3', 'Đánh giá trí tuệ nhân tạo', 'Evaluating artificial intelligence')
) as v (code, name_vi, name_en)
join public.competence_area a on a.framework = 'tt02_2025' and a.code = '6';

-- Decision 757's groups are not broken down further here: one competence per group.
insert into public.competence (framework, area_id, code, name_vi, name_en, confirmed)
select a.framework, a.id, a.code, a.name_vi, a.name_en, a.confirmed
from public.competence_area a where a.framework = 'qd757_2025';

-- Mappings: DigComp ↔ Circular 02 competence by competence, and both onto Decision 757's groups by area.
insert into public.competence_mapping (from_competence_id, to_competence_id)
select d.id, t.id from public.competence d
join public.competence t on t.framework = 'tt02_2025' and t.code = d.code
where d.framework = 'digcomp22';

insert into public.competence_mapping (from_competence_id, to_competence_id)
select c.id, g.id from public.competence c
join public.competence g on g.framework = 'qd757_2025' and g.code = split_part(c.code, '.', 1)
where c.framework in ('digcomp22', 'tt02_2025');
