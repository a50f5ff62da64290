--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: members; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.members VALUES (1, 'Demo Member 0001', 'Vietnam', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (2, 'Demo Member 0002', 'Nigeria', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (3, 'Demo Member 0003', 'Brazil', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (4, 'Demo Member 0004', 'Turkey', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (5, 'Demo Member 0005', 'India', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (6, 'Demo Member 0006', 'Spain', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (7, 'Demo Member 0007', 'Korea', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (8, 'Demo Member 0008', 'Poland', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (9, 'Demo Member 0009', 'Vietnam', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (10, 'Demo Member 0010', 'Nigeria', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (11, 'Demo Member 0011', 'Brazil', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (12, 'Demo Member 0012', 'Turkey', '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (13, 'Cappex', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (14, 'Jaime Flores', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (15, 'Hoang Nguyen', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (16, 'Sirash S S', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (17, 'Alexandre Baciu', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (18, 'Kbconsulting45', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (19, 'Tioneb44', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (20, 'Redofre', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (21, 'MC (overmarck)', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (22, 'zaketac', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (23, 'Darknight', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (24, 'pigro85', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (25, 'Salih Iyigül', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (26, 'GatorKorps', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (27, 'Serhat', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (28, 'Marco (Sequaja)', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (29, 'RHEE', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (30, 'Kyle', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (31, 'Sonji', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (32, 'Amir', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (33, 'Wuti', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (34, 'LSVT', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (35, 'Newsletter', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (36, 'Dishi', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (37, 'Zhangyang', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (38, 'Biezuo meng', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (39, 'Sanqi', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (40, 'Sure', NULL, '2024-11-20 12:00:00+00');
INSERT INTO public.members VALUES (41, 'Wuzhe', NULL, '2024-11-20 12:00:00+00');


--
-- Data for Name: month_closes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.month_closes VALUES (1, '2024-07', 'phala-v4', 'V.4', 'sha256:15056e3bcf939609f3b0748cfd25966651a5a93c663b3a7034476d67111948da', 'PHA', '84000000000000000', '0', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.month_closes VALUES (2, '2024-08', 'phala-v4', 'V.4', 'sha256:15056e3bcf939609f3b0748cfd25966651a5a93c663b3a7034476d67111948da', 'PHA', '84000000000000000', '0', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.month_closes VALUES (3, '2024-09', 'phala-v4.1', 'V.4.1', 'sha256:c8e5ee75c00ecdbc662cfa80d58caf2abf643cb38465683515bd303ca8718bb0', 'PHA', '84000000000000000', '0', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.month_closes VALUES (4, '2024-10', 'phala-v4.1', 'V.4.1', 'sha256:c8e5ee75c00ecdbc662cfa80d58caf2abf643cb38465683515bd303ca8718bb0', 'PHA', '168000000000000000', '168000000000000000', 'lead', '2024-11-20 12:00:00+00');


--
-- Data for Name: allocations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.allocations VALUES (1, 1, 1, 'BASIC', 2300, '743076923076923');
INSERT INTO public.allocations VALUES (2, 1, 1, 'MK', 3000, '5727272727272727');
INSERT INTO public.allocations VALUES (3, 1, 1, 'CC', 3900, '4019631901840491');
INSERT INTO public.allocations VALUES (4, 1, 1, 'OTHERS', 3700, '573431734317343');
INSERT INTO public.allocations VALUES (5, 1, 2, 'BASIC', 3700, '1195384615384616');
INSERT INTO public.allocations VALUES (6, 1, 2, 'CM', 2600, '6658536585365854');
INSERT INTO public.allocations VALUES (7, 1, 2, 'BD', 3100, '1957894736842105');
INSERT INTO public.allocations VALUES (8, 1, 2, 'OTHERS', 3000, '464944649446495');
INSERT INTO public.allocations VALUES (9, 1, 3, 'BASIC', 2900, '936923076923077');
INSERT INTO public.allocations VALUES (10, 1, 3, 'MK', 2400, '4581818181818182');
INSERT INTO public.allocations VALUES (11, 1, 3, 'TECH', 2700, '2945454545454546');
INSERT INTO public.allocations VALUES (12, 1, 3, 'OTHERS', 2600, '402952029520295');
INSERT INTO public.allocations VALUES (13, 1, 5, 'BASIC', 2700, '872307692307692');
INSERT INTO public.allocations VALUES (14, 1, 5, 'CC', 2000, '2061349693251534');
INSERT INTO public.allocations VALUES (15, 1, 5, 'BD', 1600, '1010526315789474');
INSERT INTO public.allocations VALUES (16, 1, 5, 'OTHERS', 2500, '387453874538745');
INSERT INTO public.allocations VALUES (17, 1, 6, 'BASIC', 3000, '969230769230769');
INSERT INTO public.allocations VALUES (18, 1, 6, 'CC', 2400, '2473619631901840');
INSERT INTO public.allocations VALUES (19, 1, 6, 'BD', 3300, '2084210526315789');
INSERT INTO public.allocations VALUES (20, 1, 6, 'OTHERS', 3100, '480442804428044');
INSERT INTO public.allocations VALUES (21, 1, 7, 'BASIC', 1700, '549230769230769');
INSERT INTO public.allocations VALUES (22, 1, 7, 'CC', 2100, '2164417177914110');
INSERT INTO public.allocations VALUES (23, 1, 7, 'TECH', 2700, '2945454545454545');
INSERT INTO public.allocations VALUES (24, 1, 7, 'OTHERS', 3100, '480442804428044');
INSERT INTO public.allocations VALUES (25, 1, 8, 'BASIC', 3100, '1001538461538462');
INSERT INTO public.allocations VALUES (26, 1, 8, 'CM', 3200, '8195121951219512');
INSERT INTO public.allocations VALUES (27, 1, 8, 'CC', 3300, '3401226993865031');
INSERT INTO public.allocations VALUES (28, 1, 8, 'OTHERS', 2200, '340959409594096');
INSERT INTO public.allocations VALUES (29, 1, 10, 'BASIC', 2700, '872307692307692');
INSERT INTO public.allocations VALUES (30, 1, 10, 'CC', 2600, '2679754601226994');
INSERT INTO public.allocations VALUES (31, 1, 10, 'BD', 2700, '1705263157894737');
INSERT INTO public.allocations VALUES (32, 1, 10, 'OTHERS', 2600, '402952029520295');
INSERT INTO public.allocations VALUES (33, 1, 11, 'BASIC', 2400, '775384615384615');
INSERT INTO public.allocations VALUES (34, 1, 11, 'CM', 2400, '6146341463414634');
INSERT INTO public.allocations VALUES (35, 1, 11, 'MK', 3400, '6490909090909091');
INSERT INTO public.allocations VALUES (36, 1, 11, 'OTHERS', 2400, '371955719557196');
INSERT INTO public.allocations VALUES (37, 1, 12, 'BASIC', 1500, '484615384615385');
INSERT INTO public.allocations VALUES (38, 1, 12, 'BD', 2600, '1642105263157895');
INSERT INTO public.allocations VALUES (39, 1, 12, 'TECH', 2300, '2509090909090909');
INSERT INTO public.allocations VALUES (40, 1, 12, 'OTHERS', 1900, '294464944649447');
INSERT INTO public.allocations VALUES (41, 2, 1, 'BASIC', 3300, '939661016949153');
INSERT INTO public.allocations VALUES (42, 2, 1, 'BD', 2100, '1145454545454545');
INSERT INTO public.allocations VALUES (43, 2, 1, 'TECH', 2400, '1920000000000000');
INSERT INTO public.allocations VALUES (44, 2, 1, 'OTHERS', 2400, '373333333333333');
INSERT INTO public.allocations VALUES (45, 2, 3, 'BASIC', 2800, '797288135593220');
INSERT INTO public.allocations VALUES (46, 2, 3, 'CM', 2700, '4887931034482759');
INSERT INTO public.allocations VALUES (47, 2, 3, 'CC', 3100, '10850000000000000');
INSERT INTO public.allocations VALUES (48, 2, 3, 'OTHERS', 2500, '388888888888889');
INSERT INTO public.allocations VALUES (49, 2, 4, 'BASIC', 3400, '968135593220339');
INSERT INTO public.allocations VALUES (50, 2, 4, 'BD', 2200, '1200000000000000');
INSERT INTO public.allocations VALUES (51, 2, 4, 'TECH', 2900, '2320000000000000');
INSERT INTO public.allocations VALUES (52, 2, 4, 'OTHERS', 3400, '528888888888889');
INSERT INTO public.allocations VALUES (53, 2, 5, 'BASIC', 3600, '1025084745762712');
INSERT INTO public.allocations VALUES (54, 2, 5, 'MK', 3000, '4421052631578947');
INSERT INTO public.allocations VALUES (55, 2, 5, 'CC', 1700, '5950000000000000');
INSERT INTO public.allocations VALUES (56, 2, 5, 'OTHERS', 2500, '388888888888889');
INSERT INTO public.allocations VALUES (57, 2, 6, 'BASIC', 1900, '541016949152542');
INSERT INTO public.allocations VALUES (58, 2, 6, 'CM', 3500, '6336206896551724');
INSERT INTO public.allocations VALUES (59, 2, 6, 'TECH', 2400, '1920000000000000');
INSERT INTO public.allocations VALUES (60, 2, 6, 'OTHERS', 3500, '544444444444444');
INSERT INTO public.allocations VALUES (61, 2, 7, 'BASIC', 2000, '569491525423729');
INSERT INTO public.allocations VALUES (62, 2, 7, 'MK', 2100, '3094736842105263');
INSERT INTO public.allocations VALUES (63, 2, 7, 'TECH', 2800, '2240000000000000');
INSERT INTO public.allocations VALUES (64, 2, 7, 'OTHERS', 2800, '435555555555556');
INSERT INTO public.allocations VALUES (65, 2, 8, 'BASIC', 3400, '968135593220339');
INSERT INTO public.allocations VALUES (66, 2, 8, 'MK', 3700, '5452631578947369');
INSERT INTO public.allocations VALUES (67, 2, 8, 'BD', 4000, '2181818181818182');
INSERT INTO public.allocations VALUES (68, 2, 8, 'OTHERS', 2300, '357777777777778');
INSERT INTO public.allocations VALUES (69, 2, 9, 'BASIC', 3500, '996610169491526');
INSERT INTO public.allocations VALUES (70, 2, 9, 'CM', 3500, '6336206896551724');
INSERT INTO public.allocations VALUES (71, 2, 9, 'BD', 2000, '1090909090909091');
INSERT INTO public.allocations VALUES (72, 2, 9, 'OTHERS', 3700, '575555555555556');
INSERT INTO public.allocations VALUES (73, 2, 10, 'BASIC', 2800, '797288135593220');
INSERT INTO public.allocations VALUES (74, 2, 10, 'MK', 2600, '3831578947368421');
INSERT INTO public.allocations VALUES (75, 2, 10, 'BD', 2600, '1418181818181818');
INSERT INTO public.allocations VALUES (76, 2, 10, 'OTHERS', 2000, '311111111111111');
INSERT INTO public.allocations VALUES (77, 2, 12, 'BASIC', 2800, '797288135593220');
INSERT INTO public.allocations VALUES (78, 2, 12, 'CM', 1900, '3439655172413793');
INSERT INTO public.allocations VALUES (79, 2, 12, 'BD', 2500, '1363636363636364');
INSERT INTO public.allocations VALUES (80, 2, 12, 'OTHERS', 1900, '295555555555555');
INSERT INTO public.allocations VALUES (81, 3, 1, 'BASIC', 2700, '720000000000000');
INSERT INTO public.allocations VALUES (82, 3, 1, 'CC', 3100, '2845901639344262');
INSERT INTO public.allocations VALUES (83, 3, 1, 'TA', 3000, '1155963302752294');
INSERT INTO public.allocations VALUES (84, 3, 1, 'OTHERS', 2500, '338709677419355');
INSERT INTO public.allocations VALUES (85, 3, 2, 'BASIC', 2400, '640000000000000');
INSERT INTO public.allocations VALUES (86, 3, 2, 'CM', 3300, '4052631578947368');
INSERT INTO public.allocations VALUES (87, 3, 2, 'TA', 3500, '1348623853211009');
INSERT INTO public.allocations VALUES (88, 3, 2, 'OTHERS', 2700, '365806451612903');
INSERT INTO public.allocations VALUES (89, 3, 3, 'BASIC', 2500, '666666666666667');
INSERT INTO public.allocations VALUES (90, 3, 3, 'CM', 2400, '2947368421052632');
INSERT INTO public.allocations VALUES (91, 3, 3, 'CC', 3600, '3304918032786885');
INSERT INTO public.allocations VALUES (92, 3, 3, 'OTHERS', 3100, '420000000000000');
INSERT INTO public.allocations VALUES (93, 3, 4, 'BASIC', 3100, '826666666666667');
INSERT INTO public.allocations VALUES (94, 3, 4, 'CM', 2200, '2701754385964912');
INSERT INTO public.allocations VALUES (95, 3, 4, 'CC', 2700, '2478688524590164');
INSERT INTO public.allocations VALUES (96, 3, 4, 'OTHERS', 2800, '379354838709677');
INSERT INTO public.allocations VALUES (97, 3, 5, 'BASIC', 2800, '746666666666667');
INSERT INTO public.allocations VALUES (98, 3, 5, 'MK', 2800, '9223529411764706');
INSERT INTO public.allocations VALUES (99, 3, 5, 'BD', 2600, '4368000000000000');
INSERT INTO public.allocations VALUES (100, 3, 5, 'OTHERS', 3200, '433548387096774');
INSERT INTO public.allocations VALUES (101, 3, 6, 'BASIC', 2300, '613333333333333');
INSERT INTO public.allocations VALUES (102, 3, 6, 'CM', 2600, '3192982456140351');
INSERT INTO public.allocations VALUES (103, 3, 6, 'CC', 3000, '2754098360655738');
INSERT INTO public.allocations VALUES (104, 3, 6, 'OTHERS', 2000, '270967741935484');
INSERT INTO public.allocations VALUES (105, 3, 7, 'BASIC', 2900, '773333333333333');
INSERT INTO public.allocations VALUES (106, 3, 7, 'BD', 2400, '4032000000000000');
INSERT INTO public.allocations VALUES (107, 3, 7, 'TA', 3600, '1387155963302752');
INSERT INTO public.allocations VALUES (108, 3, 7, 'OTHERS', 2200, '298064516129032');
INSERT INTO public.allocations VALUES (109, 3, 8, 'BASIC', 3300, '880000000000000');
INSERT INTO public.allocations VALUES (110, 3, 8, 'CM', 2000, '2456140350877193');
INSERT INTO public.allocations VALUES (111, 3, 8, 'TA', 2700, '1040366972477064');
INSERT INTO public.allocations VALUES (112, 3, 8, 'OTHERS', 2400, '325161290322581');
INSERT INTO public.allocations VALUES (113, 3, 9, 'BASIC', 2200, '586666666666667');
INSERT INTO public.allocations VALUES (114, 3, 9, 'CM', 1800, '2210526315789474');
INSERT INTO public.allocations VALUES (115, 3, 9, 'TA', 3300, '1271559633027523');
INSERT INTO public.allocations VALUES (116, 3, 9, 'OTHERS', 2800, '379354838709677');
INSERT INTO public.allocations VALUES (117, 3, 10, 'BASIC', 2200, '586666666666666');
INSERT INTO public.allocations VALUES (118, 3, 10, 'CM', 2800, '3438596491228070');
INSERT INTO public.allocations VALUES (119, 3, 10, 'MK', 2300, '7576470588235294');
INSERT INTO public.allocations VALUES (120, 3, 10, 'OTHERS', 2400, '325161290322581');
INSERT INTO public.allocations VALUES (121, 3, 11, 'BASIC', 2700, '720000000000000');
INSERT INTO public.allocations VALUES (122, 3, 11, 'CC', 3100, '2845901639344262');
INSERT INTO public.allocations VALUES (123, 3, 11, 'TA', 3300, '1271559633027523');
INSERT INTO public.allocations VALUES (124, 3, 11, 'OTHERS', 2400, '325161290322581');
INSERT INTO public.allocations VALUES (125, 3, 12, 'BASIC', 2400, '640000000000000');
INSERT INTO public.allocations VALUES (126, 3, 12, 'CC', 2800, '2570491803278689');
INSERT INTO public.allocations VALUES (127, 3, 12, 'TA', 2400, '924770642201835');
INSERT INTO public.allocations VALUES (128, 3, 12, 'OTHERS', 2500, '338709677419355');


--
-- Data for Name: app_late_acceptances; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: app_month_workflow; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.app_month_workflow VALUES ('2024-07', 'paid', '{"period":"2024-07","policyId":"phala-v4","policyName":"Phala Ambassador Program V.4","policyVersion":"V.4","policyHash":"sha256:15056e3bcf939609f3b0748cfd25966651a5a93c663b3a7034476d67111948da","token":"PHA","decimals":12,"poolUnits":"84000000000000000","unspentUnits":"0","carriedUnits":"0","activeMembers":12,"departments":[{"code":"BASIC","name":"Basic Responsibilities","poolUnits":"8400000000000000","pointsHundredths":26000,"unspentUnits":"0"},{"code":"CM","name":"Community Management","poolUnits":"21000000000000000","pointsHundredths":8200,"unspentUnits":"0"},{"code":"MK","name":"Marketing","poolUnits":"16800000000000000","pointsHundredths":8800,"unspentUnits":"0"},{"code":"CC","name":"Content Creation","poolUnits":"16800000000000000","pointsHundredths":16300,"unspentUnits":"0"},{"code":"BD","name":"Business Development","poolUnits":"8400000000000000","pointsHundredths":13300,"unspentUnits":"0"},{"code":"TECH","name":"Tech Assistance","poolUnits":"8400000000000000","pointsHundredths":7700,"unspentUnits":"0"},{"code":"OTHERS","name":"Others","poolUnits":"4200000000000000","pointsHundredths":27100,"unspentUnits":"0"}],"members":[{"memberId":1,"login":"demo-member-0001","name":"Demo Member 0001","rank":"candidate","status":"Accepted","percentNumerator":6900,"percentDenominator":8000,"chosen":["CC","MK"],"pointsHundredths":{"BASIC":2300,"MK":3000,"CC":3900,"OTHERS":3700},"sharesUnits":{"BASIC":"743076923076923","MK":"5727272727272727","CC":"4019631901840491","OTHERS":"573431734317343"},"poolShareUnits":"11063413286507484","bonusUnits":"0","totalUnits":"11063413286507484","cappedUnits":"0","percent":{"numerator":6900,"denominator":8000,"rounded":86.25}},{"memberId":2,"login":"demo-member-0002","name":"Demo Member 0002","rank":"candidate","status":"Accepted","percentNumerator":5700,"percentDenominator":8000,"chosen":["CM","BD"],"pointsHundredths":{"BASIC":3700,"CM":2600,"BD":3100,"OTHERS":3000},"sharesUnits":{"BASIC":"1195384615384616","CM":"6658536585365854","BD":"1957894736842105","OTHERS":"464944649446495"},"poolShareUnits":"10276760587039070","bonusUnits":"0","totalUnits":"10276760587039070","cappedUnits":"0","percent":{"numerator":5700,"denominator":8000,"rounded":71.25}},{"memberId":3,"login":"demo-member-0003","name":"Demo Member 0003","rank":"candidate","status":"Accepted","percentNumerator":5100,"percentDenominator":8000,"chosen":["MK","TECH"],"pointsHundredths":{"BASIC":2900,"MK":2400,"TECH":2700,"OTHERS":2600},"sharesUnits":{"BASIC":"936923076923077","MK":"4581818181818182","TECH":"2945454545454546","OTHERS":"402952029520295"},"poolShareUnits":"8867147833716100","bonusUnits":"0","totalUnits":"8867147833716100","cappedUnits":"0","percent":{"numerator":5100,"denominator":8000,"rounded":63.75}},{"memberId":4,"login":"demo-member-0004","name":"Demo Member 0004","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":5,"login":"demo-member-0005","name":"Demo Member 0005","rank":"ambassador","status":"Accepted","percentNumerator":3600,"percentDenominator":8000,"chosen":["CC","BD"],"pointsHundredths":{"BASIC":2700,"CC":2000,"BD":1600,"OTHERS":2500},"sharesUnits":{"BASIC":"872307692307692","CC":"2061349693251534","BD":"1010526315789474","OTHERS":"387453874538745"},"poolShareUnits":"4331637575887445","bonusUnits":"0","totalUnits":"4331637575887445","cappedUnits":"0","percent":{"numerator":3600,"denominator":8000,"rounded":45}},{"memberId":6,"login":"demo-member-0006","name":"Demo Member 0006","rank":"candidate","status":"Accepted","percentNumerator":5700,"percentDenominator":8000,"chosen":["CC","BD"],"pointsHundredths":{"BASIC":3000,"CC":2400,"BD":3300,"OTHERS":3100},"sharesUnits":{"BASIC":"969230769230769","CC":"2473619631901840","BD":"2084210526315789","OTHERS":"480442804428044"},"poolShareUnits":"6007503731876442","bonusUnits":"0","totalUnits":"6007503731876442","cappedUnits":"0","percent":{"numerator":5700,"denominator":8000,"rounded":71.25}},{"memberId":7,"login":"demo-member-0007","name":"Demo Member 0007","rank":"candidate","status":"Accepted","percentNumerator":4800,"percentDenominator":8000,"chosen":["CC","TECH"],"pointsHundredths":{"BASIC":1700,"CC":2100,"TECH":2700,"OTHERS":3100},"sharesUnits":{"BASIC":"549230769230769","CC":"2164417177914110","TECH":"2945454545454545","OTHERS":"480442804428044"},"poolShareUnits":"6139545297027468","bonusUnits":"0","totalUnits":"6139545297027468","cappedUnits":"0","percent":{"numerator":4800,"denominator":8000,"rounded":60}},{"memberId":8,"login":"demo-member-0008","name":"Demo Member 0008","rank":"candidate","status":"Accepted","percentNumerator":6500,"percentDenominator":8000,"chosen":["CM","CC"],"pointsHundredths":{"BASIC":3100,"CM":3200,"CC":3300,"OTHERS":2200},"sharesUnits":{"BASIC":"1001538461538462","CM":"8195121951219512","CC":"3401226993865031","OTHERS":"340959409594096"},"poolShareUnits":"12938846816217101","bonusUnits":"0","totalUnits":"12938846816217101","cappedUnits":"0","percent":{"numerator":6500,"denominator":8000,"rounded":81.25}},{"memberId":9,"login":"demo-member-0009","name":"Demo Member 0009","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":10,"login":"demo-member-0010","name":"Demo Member 0010","rank":"ambassador","status":"Accepted","percentNumerator":5300,"percentDenominator":8000,"chosen":["CC","BD"],"pointsHundredths":{"BASIC":2700,"CC":2600,"BD":2700,"OTHERS":2600},"sharesUnits":{"BASIC":"872307692307692","CC":"2679754601226994","BD":"1705263157894737","OTHERS":"402952029520295"},"poolShareUnits":"5660277480949718","bonusUnits":"0","totalUnits":"5660277480949718","cappedUnits":"0","percent":{"numerator":5300,"denominator":8000,"rounded":66.25}},{"memberId":11,"login":"demo-member-0011","name":"Demo Member 0011","rank":"candidate","status":"Accepted","percentNumerator":5800,"percentDenominator":8000,"chosen":["MK","CM"],"pointsHundredths":{"BASIC":2400,"CM":2400,"MK":3400,"OTHERS":2400},"sharesUnits":{"BASIC":"775384615384615","CM":"6146341463414634","MK":"6490909090909091","OTHERS":"371955719557196"},"poolShareUnits":"13784590889265536","bonusUnits":"0","totalUnits":"13784590889265536","cappedUnits":"0","percent":{"numerator":5800,"denominator":8000,"rounded":72.5}},{"memberId":12,"login":"demo-member-0012","name":"Demo Member 0012","rank":"candidate","status":"Accepted","percentNumerator":4900,"percentDenominator":8000,"chosen":["BD","TECH"],"pointsHundredths":{"BASIC":1500,"BD":2600,"TECH":2300,"OTHERS":1900},"sharesUnits":{"BASIC":"484615384615385","BD":"1642105263157895","TECH":"2509090909090909","OTHERS":"294464944649447"},"poolShareUnits":"4930276501513636","bonusUnits":"0","totalUnits":"4930276501513636","cappedUnits":"0","percent":{"numerator":4900,"denominator":8000,"rounded":61.25}}],"proposals":[],"carriedOut":{}}', 'demo-seed', '2024-11-20T12:00:00.000Z', 'demo-seed', '2024-11-20T12:00:00.000Z', '2024-11-20T12:00:00.000Z');
INSERT INTO public.app_month_workflow VALUES ('2024-08', 'paid', '{"period":"2024-08","policyId":"phala-v4","policyName":"Phala Ambassador Program V.4","policyVersion":"V.4","policyHash":"sha256:15056e3bcf939609f3b0748cfd25966651a5a93c663b3a7034476d67111948da","token":"PHA","decimals":12,"poolUnits":"84000000000000000","unspentUnits":"0","carriedUnits":"0","activeMembers":12,"departments":[{"code":"BASIC","name":"Basic Responsibilities","poolUnits":"8400000000000000","pointsHundredths":29500,"unspentUnits":"0"},{"code":"CM","name":"Community Management","poolUnits":"21000000000000000","pointsHundredths":11600,"unspentUnits":"0"},{"code":"MK","name":"Marketing","poolUnits":"16800000000000000","pointsHundredths":11400,"unspentUnits":"0"},{"code":"CC","name":"Content Creation","poolUnits":"16800000000000000","pointsHundredths":4800,"unspentUnits":"0"},{"code":"BD","name":"Business Development","poolUnits":"8400000000000000","pointsHundredths":15400,"unspentUnits":"0"},{"code":"TECH","name":"Tech Assistance","poolUnits":"8400000000000000","pointsHundredths":10500,"unspentUnits":"0"},{"code":"OTHERS","name":"Others","poolUnits":"4200000000000000","pointsHundredths":27000,"unspentUnits":"0"}],"members":[{"memberId":1,"login":"demo-member-0001","name":"Demo Member 0001","rank":"candidate","status":"Accepted","percentNumerator":4500,"percentDenominator":8000,"chosen":["BD","TECH"],"pointsHundredths":{"BASIC":3300,"BD":2100,"TECH":2400,"OTHERS":2400},"sharesUnits":{"BASIC":"939661016949153","BD":"1145454545454545","TECH":"1920000000000000","OTHERS":"373333333333333"},"poolShareUnits":"4378448895737031","bonusUnits":"0","totalUnits":"4378448895737031","cappedUnits":"0","percent":{"numerator":4500,"denominator":8000,"rounded":56.25}},{"memberId":2,"login":"demo-member-0002","name":"Demo Member 0002","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":3,"login":"demo-member-0003","name":"Demo Member 0003","rank":"candidate","status":"Accepted","percentNumerator":5800,"percentDenominator":8000,"chosen":["CC","CM"],"pointsHundredths":{"BASIC":2800,"CM":2700,"CC":3100,"OTHERS":2500},"sharesUnits":{"BASIC":"797288135593220","CM":"4887931034482759","CC":"10850000000000000","OTHERS":"388888888888889"},"poolShareUnits":"16924108058964868","bonusUnits":"0","totalUnits":"16924108058964868","cappedUnits":"0","percent":{"numerator":5800,"denominator":8000,"rounded":72.5}},{"memberId":4,"login":"demo-member-0004","name":"Demo Member 0004","rank":"candidate","status":"Accepted","percentNumerator":5100,"percentDenominator":8000,"chosen":["TECH","BD"],"pointsHundredths":{"BASIC":3400,"BD":2200,"TECH":2900,"OTHERS":3400},"sharesUnits":{"BASIC":"968135593220339","BD":"1200000000000000","TECH":"2320000000000000","OTHERS":"528888888888889"},"poolShareUnits":"5017024482109228","bonusUnits":"0","totalUnits":"5017024482109228","cappedUnits":"0","percent":{"numerator":5100,"denominator":8000,"rounded":63.75}},{"memberId":5,"login":"demo-member-0005","name":"Demo Member 0005","rank":"ambassador","status":"Accepted","percentNumerator":4700,"percentDenominator":8000,"chosen":["CC","MK"],"pointsHundredths":{"BASIC":3600,"MK":3000,"CC":1700,"OTHERS":2500},"sharesUnits":{"BASIC":"1025084745762712","MK":"4421052631578947","CC":"5950000000000000","OTHERS":"388888888888889"},"poolShareUnits":"11785026266230548","bonusUnits":"0","totalUnits":"11785026266230548","cappedUnits":"0","percent":{"numerator":4700,"denominator":8000,"rounded":58.75}},{"memberId":6,"login":"demo-member-0006","name":"Demo Member 0006","rank":"candidate","status":"Accepted","percentNumerator":5900,"percentDenominator":8000,"chosen":["TECH","CM"],"pointsHundredths":{"BASIC":1900,"CM":3500,"TECH":2400,"OTHERS":3500},"sharesUnits":{"BASIC":"541016949152542","CM":"6336206896551724","TECH":"1920000000000000","OTHERS":"544444444444444"},"poolShareUnits":"9341668290148710","bonusUnits":"0","totalUnits":"9341668290148710","cappedUnits":"0","percent":{"numerator":5900,"denominator":8000,"rounded":73.75}},{"memberId":7,"login":"demo-member-0007","name":"Demo Member 0007","rank":"candidate","status":"Accepted","percentNumerator":4900,"percentDenominator":8000,"chosen":["TECH","MK"],"pointsHundredths":{"BASIC":2000,"MK":2100,"TECH":2800,"OTHERS":2800},"sharesUnits":{"BASIC":"569491525423729","MK":"3094736842105263","TECH":"2240000000000000","OTHERS":"435555555555556"},"poolShareUnits":"6339783923084548","bonusUnits":"0","totalUnits":"6339783923084548","cappedUnits":"0","percent":{"numerator":4900,"denominator":8000,"rounded":61.25}},{"memberId":8,"login":"demo-member-0008","name":"Demo Member 0008","rank":"candidate","status":"Accepted","percentNumerator":7700,"percentDenominator":8000,"chosen":["MK","BD"],"pointsHundredths":{"BASIC":3400,"MK":3700,"BD":4000,"OTHERS":2300},"sharesUnits":{"BASIC":"968135593220339","MK":"5452631578947369","BD":"2181818181818182","OTHERS":"357777777777778"},"poolShareUnits":"8960363131763668","bonusUnits":"0","totalUnits":"8960363131763668","cappedUnits":"0","percent":{"numerator":7700,"denominator":8000,"rounded":96.25}},{"memberId":9,"login":"demo-member-0009","name":"Demo Member 0009","rank":"candidate","status":"Accepted","percentNumerator":5500,"percentDenominator":8000,"chosen":["BD","CM"],"pointsHundredths":{"BASIC":3500,"CM":3500,"BD":2000,"OTHERS":3700},"sharesUnits":{"BASIC":"996610169491526","CM":"6336206896551724","BD":"1090909090909091","OTHERS":"575555555555556"},"poolShareUnits":"8999281712507897","bonusUnits":"0","totalUnits":"8999281712507897","cappedUnits":"0","percent":{"numerator":5500,"denominator":8000,"rounded":68.75}},{"memberId":10,"login":"demo-member-0010","name":"Demo Member 0010","rank":"ambassador","status":"Accepted","percentNumerator":5200,"percentDenominator":8000,"chosen":["MK","BD"],"pointsHundredths":{"BASIC":2800,"MK":2600,"BD":2600,"OTHERS":2000},"sharesUnits":{"BASIC":"797288135593220","MK":"3831578947368421","BD":"1418181818181818","OTHERS":"311111111111111"},"poolShareUnits":"6358160012254570","bonusUnits":"0","totalUnits":"6358160012254570","cappedUnits":"0","percent":{"numerator":5200,"denominator":8000,"rounded":65}},{"memberId":11,"login":"demo-member-0011","name":"Demo Member 0011","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":12,"login":"demo-member-0012","name":"Demo Member 0012","rank":"candidate","status":"Accepted","percentNumerator":4400,"percentDenominator":8000,"chosen":["BD","CM"],"pointsHundredths":{"BASIC":2800,"CM":1900,"BD":2500,"OTHERS":1900},"sharesUnits":{"BASIC":"797288135593220","CM":"3439655172413793","BD":"1363636363636364","OTHERS":"295555555555555"},"poolShareUnits":"5896135227198932","bonusUnits":"0","totalUnits":"5896135227198932","cappedUnits":"0","percent":{"numerator":4400,"denominator":8000,"rounded":55}}],"proposals":[],"carriedOut":{}}', 'demo-seed', '2024-11-20T12:00:00.000Z', 'demo-seed', '2024-11-20T12:00:00.000Z', '2024-11-20T12:00:00.000Z');
INSERT INTO public.app_month_workflow VALUES ('2024-09', 'paid', '{"period":"2024-09","policyId":"phala-v4.1","policyName":"Phala Ambassador Program V.4.1","policyVersion":"V.4.1","policyHash":"sha256:c8e5ee75c00ecdbc662cfa80d58caf2abf643cb38465683515bd303ca8718bb0","token":"PHA","decimals":12,"poolUnits":"84000000000000000","unspentUnits":"0","carriedUnits":"0","activeMembers":12,"departments":[{"code":"BASIC","name":"Basic Responsibilities","poolUnits":"8400000000000000","pointsHundredths":31500,"unspentUnits":"0"},{"code":"CM","name":"Community Management","poolUnits":"21000000000000000","pointsHundredths":17100,"unspentUnits":"0"},{"code":"MK","name":"Marketing","poolUnits":"16800000000000000","pointsHundredths":5100,"unspentUnits":"0"},{"code":"CC","name":"Content Creation","poolUnits":"16800000000000000","pointsHundredths":18300,"unspentUnits":"0"},{"code":"BD","name":"Business Development","poolUnits":"8400000000000000","pointsHundredths":5000,"unspentUnits":"0"},{"code":"TA","name":"Tech Assistance","poolUnits":"8400000000000000","pointsHundredths":21800,"unspentUnits":"0"},{"code":"OTHERS","name":"Others","poolUnits":"4200000000000000","pointsHundredths":31000,"unspentUnits":"0"}],"members":[{"memberId":1,"login":"demo-member-0001","name":"Demo Member 0001","rank":"candidate","status":"Accepted","percentNumerator":6100,"percentDenominator":8000,"chosen":["CC","TA"],"pointsHundredths":{"BASIC":2700,"CC":3100,"TA":3000,"OTHERS":2500},"sharesUnits":{"BASIC":"720000000000000","CC":"2845901639344262","TA":"1155963302752294","OTHERS":"338709677419355"},"poolShareUnits":"5060574619515911","bonusUnits":"0","totalUnits":"5060574619515911","cappedUnits":"0","percent":{"numerator":6100,"denominator":8000,"rounded":76.25}},{"memberId":2,"login":"demo-member-0002","name":"Demo Member 0002","rank":"candidate","status":"Accepted","percentNumerator":6800,"percentDenominator":8000,"chosen":["TA","CM"],"pointsHundredths":{"BASIC":2400,"CM":3300,"TA":3500,"OTHERS":2700},"sharesUnits":{"BASIC":"640000000000000","CM":"4052631578947368","TA":"1348623853211009","OTHERS":"365806451612903"},"poolShareUnits":"6407061883771280","bonusUnits":"0","totalUnits":"6407061883771280","cappedUnits":"0","percent":{"numerator":6800,"denominator":8000,"rounded":85}},{"memberId":3,"login":"demo-member-0003","name":"Demo Member 0003","rank":"candidate","status":"Accepted","percentNumerator":6000,"percentDenominator":8000,"chosen":["CC","CM"],"pointsHundredths":{"BASIC":2500,"CM":2400,"CC":3600,"OTHERS":3100},"sharesUnits":{"BASIC":"666666666666667","CM":"2947368421052632","CC":"3304918032786885","OTHERS":"420000000000000"},"poolShareUnits":"7338953120506184","bonusUnits":"0","totalUnits":"7338953120506184","cappedUnits":"0","percent":{"numerator":6000,"denominator":8000,"rounded":75}},{"memberId":4,"login":"demo-member-0004","name":"Demo Member 0004","rank":"candidate","status":"Accepted","percentNumerator":4900,"percentDenominator":8000,"chosen":["CM","CC"],"pointsHundredths":{"BASIC":3100,"CM":2200,"CC":2700,"OTHERS":2800},"sharesUnits":{"BASIC":"826666666666667","CM":"2701754385964912","CC":"2478688524590164","OTHERS":"379354838709677"},"poolShareUnits":"6386464415931420","bonusUnits":"0","totalUnits":"6386464415931420","cappedUnits":"0","percent":{"numerator":4900,"denominator":8000,"rounded":61.25}},{"memberId":5,"login":"demo-member-0005","name":"Demo Member 0005","rank":"ambassador","status":"Accepted","percentNumerator":5400,"percentDenominator":8000,"chosen":["BD","MK"],"pointsHundredths":{"BASIC":2800,"MK":2800,"BD":2600,"OTHERS":3200},"sharesUnits":{"BASIC":"746666666666667","MK":"9223529411764706","BD":"4368000000000000","OTHERS":"433548387096774"},"poolShareUnits":"14771744465528147","bonusUnits":"0","totalUnits":"14771744465528147","cappedUnits":"0","percent":{"numerator":5400,"denominator":8000,"rounded":67.5}},{"memberId":6,"login":"demo-member-0006","name":"Demo Member 0006","rank":"candidate","status":"Accepted","percentNumerator":5600,"percentDenominator":8000,"chosen":["CM","CC"],"pointsHundredths":{"BASIC":2300,"CM":2600,"CC":3000,"OTHERS":2000},"sharesUnits":{"BASIC":"613333333333333","CM":"3192982456140351","CC":"2754098360655738","OTHERS":"270967741935484"},"poolShareUnits":"6831381892064906","bonusUnits":"0","totalUnits":"6831381892064906","cappedUnits":"0","percent":{"numerator":5600,"denominator":8000,"rounded":70}},{"memberId":7,"login":"demo-member-0007","name":"Demo Member 0007","rank":"candidate","status":"Accepted","percentNumerator":6000,"percentDenominator":8000,"chosen":["TA","BD"],"pointsHundredths":{"BASIC":2900,"BD":2400,"TA":3600,"OTHERS":2200},"sharesUnits":{"BASIC":"773333333333333","BD":"4032000000000000","TA":"1387155963302752","OTHERS":"298064516129032"},"poolShareUnits":"6490553812765117","bonusUnits":"0","totalUnits":"6490553812765117","cappedUnits":"0","percent":{"numerator":6000,"denominator":8000,"rounded":75}},{"memberId":8,"login":"demo-member-0008","name":"Demo Member 0008","rank":"candidate","status":"Accepted","percentNumerator":4700,"percentDenominator":8000,"chosen":["TA","CM"],"pointsHundredths":{"BASIC":3300,"CM":2000,"TA":2700,"OTHERS":2400},"sharesUnits":{"BASIC":"880000000000000","CM":"2456140350877193","TA":"1040366972477064","OTHERS":"325161290322581"},"poolShareUnits":"4701668613676838","bonusUnits":"0","totalUnits":"4701668613676838","cappedUnits":"0","percent":{"numerator":4700,"denominator":8000,"rounded":58.75}},{"memberId":9,"login":"demo-member-0009","name":"Demo Member 0009","rank":"candidate","status":"Accepted","percentNumerator":5100,"percentDenominator":8000,"chosen":["CM","TA"],"pointsHundredths":{"BASIC":2200,"CM":1800,"TA":3300,"OTHERS":2800},"sharesUnits":{"BASIC":"586666666666667","CM":"2210526315789474","TA":"1271559633027523","OTHERS":"379354838709677"},"poolShareUnits":"4448107454193341","bonusUnits":"0","totalUnits":"4448107454193341","cappedUnits":"0","percent":{"numerator":5100,"denominator":8000,"rounded":63.75}},{"memberId":10,"login":"demo-member-0010","name":"Demo Member 0010","rank":"ambassador","status":"Accepted","percentNumerator":5100,"percentDenominator":8000,"chosen":["MK","CM"],"pointsHundredths":{"BASIC":2200,"CM":2800,"MK":2300,"OTHERS":2400},"sharesUnits":{"BASIC":"586666666666666","CM":"3438596491228070","MK":"7576470588235294","OTHERS":"325161290322581"},"poolShareUnits":"11926895036452611","bonusUnits":"0","totalUnits":"11926895036452611","cappedUnits":"0","percent":{"numerator":5100,"denominator":8000,"rounded":63.75}},{"memberId":11,"login":"demo-member-0011","name":"Demo Member 0011","rank":"candidate","status":"Accepted","percentNumerator":6400,"percentDenominator":8000,"chosen":["TA","CC"],"pointsHundredths":{"BASIC":2700,"CC":3100,"TA":3300,"OTHERS":2400},"sharesUnits":{"BASIC":"720000000000000","CC":"2845901639344262","TA":"1271559633027523","OTHERS":"325161290322581"},"poolShareUnits":"5162622562694366","bonusUnits":"0","totalUnits":"5162622562694366","cappedUnits":"0","percent":{"numerator":6400,"denominator":8000,"rounded":80}},{"memberId":12,"login":"demo-member-0012","name":"Demo Member 0012","rank":"candidate","status":"Accepted","percentNumerator":5200,"percentDenominator":8000,"chosen":["CC","TA"],"pointsHundredths":{"BASIC":2400,"CC":2800,"TA":2400,"OTHERS":2500},"sharesUnits":{"BASIC":"640000000000000","CC":"2570491803278689","TA":"924770642201835","OTHERS":"338709677419355"},"poolShareUnits":"4473972122899879","bonusUnits":"0","totalUnits":"4473972122899879","cappedUnits":"0","percent":{"numerator":5200,"denominator":8000,"rounded":65}}],"proposals":[{"member":"demo-member-0006","from":"candidate","to":"ambassador","reason":"3 consecutive closed months at \u2265 65 % as candidate: 2024-07 71.25 %, 2024-08 73.75 %, 2024-09 70 %","effectiveFrom":"2024-10"}],"carriedOut":{}}', 'demo-seed', '2024-11-20T12:00:00.000Z', 'demo-seed', '2024-11-20T12:00:00.000Z', '2024-11-20T12:00:00.000Z');
INSERT INTO public.app_month_workflow VALUES ('2024-10', 'locked', '{"period":"2024-10","policyId":"phala-v4.1","policyName":"Phala Ambassador Program V.4.1","policyVersion":"V.4.1","policyHash":"sha256:c8e5ee75c00ecdbc662cfa80d58caf2abf643cb38465683515bd303ca8718bb0","token":"PHA","decimals":12,"poolUnits":"168000000000000000","unspentUnits":"168000000000000000","carriedUnits":"0","activeMembers":41,"departments":[{"code":"BASIC","name":"Basic Responsibilities","poolUnits":"16800000000000000","pointsHundredths":0,"unspentUnits":"16800000000000000"},{"code":"CM","name":"Community Management","poolUnits":"42000000000000000","pointsHundredths":0,"unspentUnits":"42000000000000000"},{"code":"MK","name":"Marketing","poolUnits":"33600000000000000","pointsHundredths":0,"unspentUnits":"33600000000000000"},{"code":"CC","name":"Content Creation","poolUnits":"33600000000000000","pointsHundredths":0,"unspentUnits":"33600000000000000"},{"code":"BD","name":"Business Development","poolUnits":"16800000000000000","pointsHundredths":0,"unspentUnits":"16800000000000000"},{"code":"TA","name":"Tech Assistance","poolUnits":"16800000000000000","pointsHundredths":0,"unspentUnits":"16800000000000000"},{"code":"OTHERS","name":"Others","poolUnits":"8400000000000000","pointsHundredths":0,"unspentUnits":"8400000000000000"}],"members":[{"memberId":17,"login":"alexandre-baciu","name":"Alexandre Baciu","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":32,"login":"amir","name":"Amir","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":38,"login":"biezuo-meng","name":"Biezuo meng","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":13,"login":"cappex","name":"Cappex","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":23,"login":"darknight","name":"Darknight","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":1,"login":"demo-member-0001","name":"Demo Member 0001","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":2,"login":"demo-member-0002","name":"Demo Member 0002","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":3,"login":"demo-member-0003","name":"Demo Member 0003","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":4,"login":"demo-member-0004","name":"Demo Member 0004","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":5,"login":"demo-member-0005","name":"Demo Member 0005","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":6,"login":"demo-member-0006","name":"Demo Member 0006","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":7,"login":"demo-member-0007","name":"Demo Member 0007","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":8,"login":"demo-member-0008","name":"Demo Member 0008","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":9,"login":"demo-member-0009","name":"Demo Member 0009","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":10,"login":"demo-member-0010","name":"Demo Member 0010","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":11,"login":"demo-member-0011","name":"Demo Member 0011","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":12,"login":"demo-member-0012","name":"Demo Member 0012","rank":"candidate","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":36,"login":"dishi","name":"Dishi","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":26,"login":"gatorkorps","name":"GatorKorps","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":15,"login":"hoang-nguyen","name":"Hoang Nguyen","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":14,"login":"jaime-flores","name":"Jaime Flores","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":18,"login":"kbconsulting45","name":"Kbconsulting45","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":30,"login":"kyle","name":"Kyle","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":34,"login":"lsvt","name":"LSVT","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":28,"login":"marco-sequaja","name":"Marco (Sequaja)","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":21,"login":"mc-overmarck","name":"MC (overmarck)","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":35,"login":"newsletter","name":"Newsletter","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":24,"login":"pigro85","name":"pigro85","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":20,"login":"redofre","name":"Redofre","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":29,"login":"rhee","name":"RHEE","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":25,"login":"salih-iyig-l","name":"Salih Iyig\u00FCl","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":39,"login":"sanqi","name":"Sanqi","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":27,"login":"serhat","name":"Serhat","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":16,"login":"sirash-s-s","name":"Sirash S S","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":31,"login":"sonji","name":"Sonji","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":40,"login":"sure","name":"Sure","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":19,"login":"tioneb44","name":"Tioneb44","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":33,"login":"wuti","name":"Wuti","rank":"senior","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":41,"login":"wuzhe","name":"Wuzhe","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":22,"login":"zaketac","name":"zaketac","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}},{"memberId":37,"login":"zhangyang","name":"Zhangyang","rank":"ambassador","status":"Missing","percentNumerator":0,"percentDenominator":1,"chosen":[],"pointsHundredths":{},"sharesUnits":{},"poolShareUnits":"0","bonusUnits":"0","totalUnits":"0","cappedUnits":"0","percent":{"numerator":0,"denominator":1,"rounded":0}}],"proposals":[],"carriedOut":{}}', 'lead', '2024-11-20T12:00:00.000Z', NULL, NULL, NULL);


--
-- Data for Name: app_review_notes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: app_tokens; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: app_users; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_log VALUES (1, '2024-11-20 12:00:00+00', 'demo-seed', 'demo.seeded', 'program', '12 members, 3 closed months');
INSERT INTO public.audit_log VALUES (2, '2024-11-20 12:00:00+00', 'demo-seed', 'month.locked', 'month:2024-07', 'policy phala-v4 V.4; pool 84,000 PHA; paid 84,000 PHA');
INSERT INTO public.audit_log VALUES (3, '2024-11-20 12:00:00+00', 'demo-seed', 'month.approved', 'month:2024-07', '84,000 PHA to 10 members');
INSERT INTO public.audit_log VALUES (4, '2024-11-20 12:00:00+00', 'demo-seed', 'month.paid', 'month:2024-07', 'tx 0x8d431a4d309c23d30c9d3e2eecc81fc7bb1fe92a75c5815b41b48f83f1fcc25d');
INSERT INTO public.audit_log VALUES (5, '2024-11-20 12:00:00+00', 'demo-seed', 'month.locked', 'month:2024-08', 'policy phala-v4 V.4; pool 84,000 PHA; paid 84,000 PHA');
INSERT INTO public.audit_log VALUES (6, '2024-11-20 12:00:00+00', 'demo-seed', 'month.approved', 'month:2024-08', '84,000 PHA to 10 members');
INSERT INTO public.audit_log VALUES (7, '2024-11-20 12:00:00+00', 'demo-seed', 'month.paid', 'month:2024-08', 'tx 0xbb21e3223be699bd78f66bedc87577752ff9e5b48471f5827b4cb3c188b2058b');
INSERT INTO public.audit_log VALUES (8, '2024-11-20 12:00:00+00', 'demo-seed', 'month.locked', 'month:2024-09', 'policy phala-v4.1 V.4.1; pool 84,000 PHA; paid 84,000 PHA');
INSERT INTO public.audit_log VALUES (9, '2024-11-20 12:00:00+00', 'demo-seed', 'month.approved', 'month:2024-09', '84,000 PHA to 12 members');
INSERT INTO public.audit_log VALUES (10, '2024-11-20 12:00:00+00', 'demo-seed', 'month.paid', 'month:2024-09', 'tx 0x379b42a129c55baf92b3b4f20247e1d480097246962b17ffd4ebb2311b325b9b');
INSERT INTO public.audit_log VALUES (11, '2024-11-20 12:00:00+00', 'demo-seed', 'demo.seeded', 'community', '8 crews, 29 crew members, 2 applications');
INSERT INTO public.audit_log VALUES (12, '2024-11-20 12:00:00+00', 'demo-seed', 'proposal.created', 'proposal:14', 'Phala community bounty - April. 2022; requests 100,000 PHA; 2 milestones; funded');
INSERT INTO public.audit_log VALUES (13, '2024-11-20 12:00:00+00', 'demo-seed', 'price.recorded', 'price:2024-07:PHA', '0.12 USD/PHA for 2024-07 from Demo price (made up) (2024-07-31)');
INSERT INTO public.audit_log VALUES (14, '2024-11-20 12:00:00+00', 'demo-seed', 'price.recorded', 'price:2024-08:PHA', '0.11 USD/PHA for 2024-08 from Demo price (made up) (2024-08-31)');
INSERT INTO public.audit_log VALUES (15, '2024-11-20 12:00:00+00', 'demo-seed', 'price.recorded', 'price:2024-09:PHA', '0.13 USD/PHA for 2024-09 from Demo price (made up) (2024-09-30)');
INSERT INTO public.audit_log VALUES (16, '2024-11-20 12:00:00+00', 'demo-seed', 'price.recorded', 'price:2024-10:PHA', '0.125 USD/PHA for 2024-10 from Demo price (made up) (2024-10-31)');
INSERT INTO public.audit_log VALUES (17, '2024-11-20 12:00:00+00', 'demo-seed', 'channel.counted', 'channel:telegram', 'telegram 2024-07-01: 40000 (Milestone 1 report, treasury proposal #14)');
INSERT INTO public.audit_log VALUES (18, '2024-11-20 12:00:00+00', 'demo-seed', 'channel.counted', 'channel:discord', 'discord 2024-07-01: 5500 (Milestone 1 report, treasury proposal #14)');
INSERT INTO public.audit_log VALUES (19, '2024-11-20 12:00:00+00', 'demo-seed', 'bounty.created', 'bounty:1', 'Phala Telegram Bot for solo miners and delegators: 250.00 USD to Demo bot builder (2024-07, proposal #14)');
INSERT INTO public.audit_log VALUES (20, '2024-11-20 12:00:00+00', 'demo-admin', 'bounty.approved', 'bounty:1', 'Phala Telegram Bot for solo miners and delegators: 250.00 USD to Demo bot builder');
INSERT INTO public.audit_log VALUES (21, '2024-11-20 12:00:00+00', 'demo-admin', 'treasury.drawn', 'proposal:14', 'Phala Telegram Bot for solo miners and delegators: 2,083.333333333333 PHA drawn (bounty:1)');
INSERT INTO public.audit_log VALUES (22, '2024-11-20 12:00:00+00', 'demo-seed', 'treasury.drawn', 'proposal:14', '2024-07 payout: 84,000 PHA drawn (payout:2024-07)');
INSERT INTO public.audit_log VALUES (23, '2024-11-20 12:00:00+00', 'demo-admin', 'treasury.overdrawn', 'proposal:14', '2024-08 payout: 84,000 PHA drawn (payout:2024-08); overdraw allowed by demo-admin: Demo program: the made-up months pay more than proposal #14''s 100,000 PHA; drawn by override to show how one is recorded.');
INSERT INTO public.audit_log VALUES (24, '2024-11-20 12:00:00+00', 'demo-admin', 'treasury.overdrawn', 'proposal:14', '2024-09 payout: 84,000 PHA drawn (payout:2024-09); overdraw allowed by demo-admin: Demo program: the made-up months pay more than proposal #14''s 100,000 PHA; drawn by override to show how one is recorded.');
INSERT INTO public.audit_log VALUES (25, '2024-11-20 12:00:00+00', 'lead', 'month.locked', 'month:2024-10', 'policy phala-v4.1 V.4.1; pool 168,000 PHA; paid 0 PHA');


--
-- Data for Name: channel_counts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.channel_counts VALUES (1, 'telegram', '2024-07-01', 40000, 'Milestone 1 report, treasury proposal #14', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.channel_counts VALUES (2, 'discord', '2024-07-01', 5500, 'Milestone 1 report, treasury proposal #14', 'demo-seed', '2024-11-20 12:00:00+00');


--
-- Data for Name: community_bounties; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.community_bounties VALUES (1, 'Phala Telegram Bot for solo miners and delegators', 'Demo bot builder', 'telegram=@phala_stat_bot', '445B8w3qDqFkh8khBMbEPDvqBiPgPPy7L9vRRcvQ1TsAXzGX', 'https://t.me/phala_stat_bot', NULL, '250.00', 'PHA', 12, '2024-07', '2024-07-20', 14, 'drawn', 'demo-admin', '2024-11-20 12:00:00+00', 'demo-seed', '2024-11-20 12:00:00+00', NULL, NULL, NULL);


--
-- Data for Name: crews; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.crews VALUES (1, 'English group', 'English', 13, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (2, 'Spanish group', 'Spanish', 14, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (3, 'French group', 'French', 17, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (4, 'Italian group', 'Italian', 21, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (5, 'German group', 'German', 25, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (6, 'Korean group', 'Korean', 29, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (7, 'Persian group', 'Persian', 32, '2024-11-20 12:00:00+00');
INSERT INTO public.crews VALUES (8, 'Chinese group', 'Chinese', 33, '2024-11-20 12:00:00+00');


--
-- Data for Name: crew_checklist_ticks; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crew_members; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.crew_members VALUES (1, 1, 14);
INSERT INTO public.crew_members VALUES (2, 1, 15);
INSERT INTO public.crew_members VALUES (3, 1, 16);
INSERT INTO public.crew_members VALUES (4, 3, 18);
INSERT INTO public.crew_members VALUES (5, 3, 19);
INSERT INTO public.crew_members VALUES (6, 3, 20);
INSERT INTO public.crew_members VALUES (7, 4, 22);
INSERT INTO public.crew_members VALUES (8, 4, 13);
INSERT INTO public.crew_members VALUES (9, 4, 23);
INSERT INTO public.crew_members VALUES (10, 4, 24);
INSERT INTO public.crew_members VALUES (11, 5, 26);
INSERT INTO public.crew_members VALUES (12, 5, 27);
INSERT INTO public.crew_members VALUES (13, 5, 28);
INSERT INTO public.crew_members VALUES (14, 6, 30);
INSERT INTO public.crew_members VALUES (15, 6, 31);
INSERT INTO public.crew_members VALUES (16, 8, 34);
INSERT INTO public.crew_members VALUES (17, 8, 35);
INSERT INTO public.crew_members VALUES (18, 8, 36);
INSERT INTO public.crew_members VALUES (19, 8, 37);
INSERT INTO public.crew_members VALUES (20, 8, 38);
INSERT INTO public.crew_members VALUES (21, 8, 39);
INSERT INTO public.crew_members VALUES (22, 8, 40);
INSERT INTO public.crew_members VALUES (23, 8, 41);


--
-- Data for Name: github_sync_states; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_handles; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.member_handles VALUES (1, 1, 'github', 'demo-member-0001', 'demo-member-0001');
INSERT INTO public.member_handles VALUES (2, 2, 'github', 'demo-member-0002', 'demo-member-0002');
INSERT INTO public.member_handles VALUES (3, 3, 'github', 'demo-member-0003', 'demo-member-0003');
INSERT INTO public.member_handles VALUES (4, 4, 'github', 'demo-member-0004', 'demo-member-0004');
INSERT INTO public.member_handles VALUES (5, 5, 'github', 'demo-member-0005', 'demo-member-0005');
INSERT INTO public.member_handles VALUES (6, 6, 'github', 'demo-member-0006', 'demo-member-0006');
INSERT INTO public.member_handles VALUES (7, 7, 'github', 'demo-member-0007', 'demo-member-0007');
INSERT INTO public.member_handles VALUES (8, 8, 'github', 'demo-member-0008', 'demo-member-0008');
INSERT INTO public.member_handles VALUES (9, 9, 'github', 'demo-member-0009', 'demo-member-0009');
INSERT INTO public.member_handles VALUES (10, 10, 'github', 'demo-member-0010', 'demo-member-0010');
INSERT INTO public.member_handles VALUES (11, 11, 'github', 'demo-member-0011', 'demo-member-0011');
INSERT INTO public.member_handles VALUES (12, 12, 'github', 'demo-member-0012', 'demo-member-0012');
INSERT INTO public.member_handles VALUES (13, 13, 'github', 'cappex', 'cappex');
INSERT INTO public.member_handles VALUES (14, 14, 'github', 'jaime-flores', 'jaime-flores');
INSERT INTO public.member_handles VALUES (15, 15, 'github', 'hoang-nguyen', 'hoang-nguyen');
INSERT INTO public.member_handles VALUES (16, 16, 'github', 'sirash-s-s', 'sirash-s-s');
INSERT INTO public.member_handles VALUES (17, 17, 'github', 'alexandre-baciu', 'alexandre-baciu');
INSERT INTO public.member_handles VALUES (18, 18, 'github', 'kbconsulting45', 'kbconsulting45');
INSERT INTO public.member_handles VALUES (19, 19, 'github', 'tioneb44', 'tioneb44');
INSERT INTO public.member_handles VALUES (20, 20, 'github', 'redofre', 'redofre');
INSERT INTO public.member_handles VALUES (21, 21, 'github', 'mc-overmarck', 'mc-overmarck');
INSERT INTO public.member_handles VALUES (22, 22, 'github', 'zaketac', 'zaketac');
INSERT INTO public.member_handles VALUES (23, 23, 'github', 'darknight', 'darknight');
INSERT INTO public.member_handles VALUES (24, 24, 'github', 'pigro85', 'pigro85');
INSERT INTO public.member_handles VALUES (25, 25, 'github', 'salih-iyig-l', 'salih-iyig-l');
INSERT INTO public.member_handles VALUES (26, 26, 'github', 'gatorkorps', 'gatorkorps');
INSERT INTO public.member_handles VALUES (27, 27, 'github', 'serhat', 'serhat');
INSERT INTO public.member_handles VALUES (28, 28, 'github', 'marco-sequaja', 'marco-sequaja');
INSERT INTO public.member_handles VALUES (29, 29, 'github', 'rhee', 'rhee');
INSERT INTO public.member_handles VALUES (30, 30, 'github', 'kyle', 'kyle');
INSERT INTO public.member_handles VALUES (31, 31, 'github', 'sonji', 'sonji');
INSERT INTO public.member_handles VALUES (32, 32, 'github', 'amir', 'amir');
INSERT INTO public.member_handles VALUES (33, 33, 'github', 'wuti', 'wuti');
INSERT INTO public.member_handles VALUES (34, 34, 'github', 'lsvt', 'lsvt');
INSERT INTO public.member_handles VALUES (35, 35, 'github', 'newsletter', 'newsletter');
INSERT INTO public.member_handles VALUES (36, 36, 'github', 'dishi', 'dishi');
INSERT INTO public.member_handles VALUES (37, 37, 'github', 'zhangyang', 'zhangyang');
INSERT INTO public.member_handles VALUES (38, 38, 'github', 'biezuo-meng', 'biezuo-meng');
INSERT INTO public.member_handles VALUES (39, 39, 'github', 'sanqi', 'sanqi');
INSERT INTO public.member_handles VALUES (40, 40, 'github', 'sure', 'sure');
INSERT INTO public.member_handles VALUES (41, 41, 'github', 'wuzhe', 'wuzhe');


--
-- Data for Name: member_rank_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.member_rank_events VALUES (1, 1, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (2, 2, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (3, 3, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (4, 4, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (5, 5, 'ambassador', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (6, 6, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (7, 7, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (8, 8, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (9, 9, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (10, 10, 'ambassador', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (11, 11, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (12, 12, 'candidate', '2024-07-01', 'demo-seed', 'Demo program', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (13, 13, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (14, 14, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (15, 15, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (16, 16, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (17, 17, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (18, 18, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (19, 19, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (20, 20, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (21, 21, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (22, 22, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (23, 23, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (24, 24, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (25, 25, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (26, 26, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (27, 27, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (28, 28, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (29, 29, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (30, 30, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (31, 31, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (32, 32, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (33, 33, 'senior', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (34, 34, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (35, 35, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (36, 36, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (37, 37, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (38, 38, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (39, 39, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (40, 40, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');
INSERT INTO public.member_rank_events VALUES (41, 41, 'ambassador', '2024-10-01', 'demo-seed', 'Demo program: proposal #14 regional groups', '2024-11-20 12:00:00+00');


--
-- Data for Name: membership_applications; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.membership_applications VALUES (1, '2024-11-18 12:00:00+00', 'Lucía Romero', 'lucia-romero-demo', NULL, '@lucia_rm', '@lucia_web3', 'Spanish group', 'es
en', 'https://medium.com/@lucia/phala-en-espanol
https://x.com/lucia_web3', '_Demo application: made-up text._ I translate Phala articles into Spanish and host a weekly Telegram call.', NULL, 'pending');
INSERT INTO public.membership_applications VALUES (2, '2024-11-19 12:00:00+00', 'Mallory <b>Bold</b>', 'mallory-demo', 'mallory#0001', NULL, NULL, NULL, 'en', 'https://example.com/portfolio', '_Demo application with hostile text, shown inert:_ <script>alert(''x'')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>', NULL, 'pending');


--
-- Data for Name: membership_application_decisions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: membership_application_reviews; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: payout_addresses; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.payout_addresses VALUES (1, 1, 'substrate', '422Cmo7JbNJBizYd2FEmWm3VNyJ5RUKTtxN2hC7qBuswHfVQ', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (2, 1, 'evm', '0x3e17Ba96AE04cd3B99869e56F0AdbF3A6fB74d25', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (3, 2, 'substrate', '45KJHVmKwUjUh1zF3NmhJhEa77YeA15rUK9weks4E39vhHKh', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (4, 2, 'evm', '0xcFD6280BB3c707DbaEf270Dc9505096E676Be7f1', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (5, 3, 'substrate', '45TukrGBw94MccKfBDai78XNC5WgeXTx8pmYeG99NDEwYff8', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (6, 3, 'evm', '0xD667871A85B386A8aF727663A7813769819aADEB', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (7, 4, 'substrate', '3zwizwRaXwUg41QGBcfMvYwDe7K4Gt3nZzsomMwcf1o53Arp', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (8, 4, 'evm', '0x0e71052d7eEFE9b3e53E429bcF758038B5beA060', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (9, 5, 'substrate', '43ua7m282VoaHS5RZ9NDT5iSjo88QravoE29UoUL5tzUJGAr', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (10, 5, 'evm', '0x918154357B0aea92b1FA06747c8eB987801810E0', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (11, 6, 'substrate', '41pteuidXx3VHv61WnocpP2nFCuLR1tc7F1FdtFbvtsNEHGd', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (12, 6, 'evm', '0x3577094e204bbdabd40Dae11f2d59Ab044950349', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (13, 7, 'substrate', '44SDR2Lbrwf1RadQbvC3rMPkXiB56tdqzpAbpocDBsEri6UG', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (14, 7, 'evm', '0xA8E03f05846b67345a650c36D1D82251543E3C3c', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (15, 8, 'substrate', '42NFNthgdVguURQwjKCa4q8hBwLWJEwVFkGmzHSjMd6tKvnG', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (16, 8, 'evm', '0x4D61681296942BD82dCfEF4A1C503fbE1DBc37dc', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (17, 9, 'substrate', '45Su3wWLEoiUcurKQjtkNGvHzS6rQVSzBNiPveWFa5Vzu2MT', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (18, 9, 'evm', '0xd5A1E8706F0FBAC013640F91182Bf0a0b9f8c281', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (19, 10, 'substrate', '45Vi1Fdjtyjo254HtiKrvSoKQqgkoiFr8kLoTgx6fi2YzfEf', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (20, 10, 'evm', '0xd7C6757A67ce4E0E0177c9c8745A883f4173D2Bb', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (21, 11, 'substrate', '425Edhac2zvWY9TRzsNicStUoW96t495uXz6oWsbdy3YF1VW', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (22, 11, 'evm', '0x4067bA52b67539eAAAb47F82ea75551b3E68220d', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (23, 12, 'substrate', '41sLo7yEBF9xAKFBhv2eW6ACciGsBqC2gBfTvUwktFLHtB4T', '2024-07-01', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_addresses VALUES (24, 12, 'evm', '0x3755870C9F3688cB39e8110Ff6Ab36edCaDF6a00', '2024-07-01', '2024-11-20 12:00:00+00');


--
-- Data for Name: payout_transactions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.payout_transactions VALUES (1, 1, '0x8d431a4d309c23d30c9d3e2eecc81fc7bb1fe92a75c5815b41b48f83f1fcc25d', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_transactions VALUES (2, 2, '0xbb21e3223be699bd78f66bedc87577752ff9e5b48471f5827b4cb3c188b2058b', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.payout_transactions VALUES (3, 3, '0x379b42a129c55baf92b3b4f20247e1d480097246962b17ffd4ebb2311b325b9b', 'demo-seed', '2024-11-20 12:00:00+00');


--
-- Data for Name: payouts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.payouts VALUES (1, 1, 1, 'substrate', '422Cmo7JbNJBizYd2FEmWm3VNyJ5RUKTtxN2hC7qBuswHfVQ', '11063413286507484', '0');
INSERT INTO public.payouts VALUES (2, 1, 2, 'substrate', '45KJHVmKwUjUh1zF3NmhJhEa77YeA15rUK9weks4E39vhHKh', '10276760587039070', '0');
INSERT INTO public.payouts VALUES (3, 1, 3, 'substrate', '45TukrGBw94MccKfBDai78XNC5WgeXTx8pmYeG99NDEwYff8', '8867147833716100', '0');
INSERT INTO public.payouts VALUES (4, 1, 5, 'substrate', '43ua7m282VoaHS5RZ9NDT5iSjo88QravoE29UoUL5tzUJGAr', '4331637575887445', '0');
INSERT INTO public.payouts VALUES (5, 1, 6, 'substrate', '41pteuidXx3VHv61WnocpP2nFCuLR1tc7F1FdtFbvtsNEHGd', '6007503731876442', '0');
INSERT INTO public.payouts VALUES (6, 1, 7, 'substrate', '44SDR2Lbrwf1RadQbvC3rMPkXiB56tdqzpAbpocDBsEri6UG', '6139545297027468', '0');
INSERT INTO public.payouts VALUES (7, 1, 8, 'substrate', '42NFNthgdVguURQwjKCa4q8hBwLWJEwVFkGmzHSjMd6tKvnG', '12938846816217101', '0');
INSERT INTO public.payouts VALUES (8, 1, 10, 'substrate', '45Vi1Fdjtyjo254HtiKrvSoKQqgkoiFr8kLoTgx6fi2YzfEf', '5660277480949718', '0');
INSERT INTO public.payouts VALUES (9, 1, 11, 'substrate', '425Edhac2zvWY9TRzsNicStUoW96t495uXz6oWsbdy3YF1VW', '13784590889265536', '0');
INSERT INTO public.payouts VALUES (10, 1, 12, 'substrate', '41sLo7yEBF9xAKFBhv2eW6ACciGsBqC2gBfTvUwktFLHtB4T', '4930276501513636', '0');
INSERT INTO public.payouts VALUES (11, 2, 1, 'substrate', '422Cmo7JbNJBizYd2FEmWm3VNyJ5RUKTtxN2hC7qBuswHfVQ', '4378448895737031', '0');
INSERT INTO public.payouts VALUES (12, 2, 3, 'substrate', '45TukrGBw94MccKfBDai78XNC5WgeXTx8pmYeG99NDEwYff8', '16924108058964868', '0');
INSERT INTO public.payouts VALUES (13, 2, 4, 'substrate', '3zwizwRaXwUg41QGBcfMvYwDe7K4Gt3nZzsomMwcf1o53Arp', '5017024482109228', '0');
INSERT INTO public.payouts VALUES (14, 2, 5, 'substrate', '43ua7m282VoaHS5RZ9NDT5iSjo88QravoE29UoUL5tzUJGAr', '11785026266230548', '0');
INSERT INTO public.payouts VALUES (15, 2, 6, 'substrate', '41pteuidXx3VHv61WnocpP2nFCuLR1tc7F1FdtFbvtsNEHGd', '9341668290148710', '0');
INSERT INTO public.payouts VALUES (16, 2, 7, 'substrate', '44SDR2Lbrwf1RadQbvC3rMPkXiB56tdqzpAbpocDBsEri6UG', '6339783923084548', '0');
INSERT INTO public.payouts VALUES (17, 2, 8, 'substrate', '42NFNthgdVguURQwjKCa4q8hBwLWJEwVFkGmzHSjMd6tKvnG', '8960363131763668', '0');
INSERT INTO public.payouts VALUES (18, 2, 9, 'substrate', '45Su3wWLEoiUcurKQjtkNGvHzS6rQVSzBNiPveWFa5Vzu2MT', '8999281712507897', '0');
INSERT INTO public.payouts VALUES (19, 2, 10, 'substrate', '45Vi1Fdjtyjo254HtiKrvSoKQqgkoiFr8kLoTgx6fi2YzfEf', '6358160012254570', '0');
INSERT INTO public.payouts VALUES (20, 2, 12, 'substrate', '41sLo7yEBF9xAKFBhv2eW6ACciGsBqC2gBfTvUwktFLHtB4T', '5896135227198932', '0');
INSERT INTO public.payouts VALUES (21, 3, 1, 'substrate', '422Cmo7JbNJBizYd2FEmWm3VNyJ5RUKTtxN2hC7qBuswHfVQ', '5060574619515911', '0');
INSERT INTO public.payouts VALUES (22, 3, 2, 'substrate', '45KJHVmKwUjUh1zF3NmhJhEa77YeA15rUK9weks4E39vhHKh', '6407061883771280', '0');
INSERT INTO public.payouts VALUES (23, 3, 3, 'substrate', '45TukrGBw94MccKfBDai78XNC5WgeXTx8pmYeG99NDEwYff8', '7338953120506184', '0');
INSERT INTO public.payouts VALUES (24, 3, 4, 'substrate', '3zwizwRaXwUg41QGBcfMvYwDe7K4Gt3nZzsomMwcf1o53Arp', '6386464415931420', '0');
INSERT INTO public.payouts VALUES (25, 3, 5, 'substrate', '43ua7m282VoaHS5RZ9NDT5iSjo88QravoE29UoUL5tzUJGAr', '14771744465528147', '0');
INSERT INTO public.payouts VALUES (26, 3, 6, 'substrate', '41pteuidXx3VHv61WnocpP2nFCuLR1tc7F1FdtFbvtsNEHGd', '6831381892064906', '0');
INSERT INTO public.payouts VALUES (27, 3, 7, 'substrate', '44SDR2Lbrwf1RadQbvC3rMPkXiB56tdqzpAbpocDBsEri6UG', '6490553812765117', '0');
INSERT INTO public.payouts VALUES (28, 3, 8, 'substrate', '42NFNthgdVguURQwjKCa4q8hBwLWJEwVFkGmzHSjMd6tKvnG', '4701668613676838', '0');
INSERT INTO public.payouts VALUES (29, 3, 9, 'substrate', '45Su3wWLEoiUcurKQjtkNGvHzS6rQVSzBNiPveWFa5Vzu2MT', '4448107454193341', '0');
INSERT INTO public.payouts VALUES (30, 3, 10, 'substrate', '45Vi1Fdjtyjo254HtiKrvSoKQqgkoiFr8kLoTgx6fi2YzfEf', '11926895036452611', '0');
INSERT INTO public.payouts VALUES (31, 3, 11, 'substrate', '425Edhac2zvWY9TRzsNicStUoW96t495uXz6oWsbdy3YF1VW', '5162622562694366', '0');
INSERT INTO public.payouts VALUES (32, 3, 12, 'substrate', '41sLo7yEBF9xAKFBhv2eW6ACciGsBqC2gBfTvUwktFLHtB4T', '4473972122899879', '0');


--
-- Data for Name: policies; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: periods; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.periods VALUES ('2024-07', NULL, 'closed', '2024-11-20 12:00:00+00');
INSERT INTO public.periods VALUES ('2024-08', NULL, 'closed', '2024-11-20 12:00:00+00');
INSERT INTO public.periods VALUES ('2024-09', NULL, 'closed', '2024-11-20 12:00:00+00');
INSERT INTO public.periods VALUES ('2024-10', NULL, 'closed', '2024-11-20 12:00:00+00');


--
-- Data for Name: spending_proposals; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.spending_proposals VALUES (1, 14, 'Phala community bounty - April. 2022', '3zfavDwAsV83TGCDYko4gs3uYPQq4fuS8mcy5BtFqjzyPes8', '2022-04-29', 'PHA', 12, '100000000000000000', 'funded', NULL, '2024-11-20 12:00:00+00');


--
-- Data for Name: proposal_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.proposal_events VALUES (1, 1, '2022-04-29 08:40:06+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (2, 1, '2022-04-29 09:16:12+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (3, 1, '2022-04-29 09:21:18+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (4, 1, '2022-04-29 09:29:36+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (5, 1, '2022-04-29 10:03:24+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (6, 1, '2022-04-29 12:53:42+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (7, 1, '2022-04-29 12:53:42+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (8, 1, '2022-04-29 12:53:42+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (9, 1, '2022-04-29 16:30:00+00', 'note', 'Activity on the proposal''s treasury timeline (the proposal page gives the time, not the step).', NULL);
INSERT INTO public.proposal_events VALUES (10, 1, '2024-11-20 12:00:00+00', 'drawn', 'Phala Telegram Bot for solo miners and delegators: 2,083.333333333333 PHA drawn (bounty:1)', 'demo-admin');
INSERT INTO public.proposal_events VALUES (11, 1, '2024-11-20 12:00:00+00', 'drawn', '2024-07 payout: 84,000 PHA drawn (payout:2024-07)', 'demo-seed');
INSERT INTO public.proposal_events VALUES (12, 1, '2024-11-20 12:00:00+00', 'drawn', '2024-08 payout: 84,000 PHA drawn (payout:2024-08); overdraw allowed by demo-admin: Demo program: the made-up months pay more than proposal #14''s 100,000 PHA; drawn by override to show how one is recorded.', 'demo-admin');
INSERT INTO public.proposal_events VALUES (13, 1, '2024-11-20 12:00:00+00', 'drawn', '2024-09 payout: 84,000 PHA drawn (payout:2024-09); overdraw allowed by demo-admin: Demo program: the made-up months pay more than proposal #14''s 100,000 PHA; drawn by override to show how one is recorded.', 'demo-admin');


--
-- Data for Name: proposal_milestones; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.proposal_milestones VALUES (1, 1, 1, 'Grow number of Ambassadors to 40+ people', '80000000000000000', 'ambassadors', 40, 'reported', 'A global community of more than 45,500 people (Telegram 40,000+, Discord about 5,500). Every Senior Ambassador leads 2-3 regional ambassadors as a crew. 32 active Senior/Ambassadors manage English, Spanish, French, Italian, German, Bengali, Vietnamese, Persian, Korean and Chinese communities.', NULL);
INSERT INTO public.proposal_milestones VALUES (2, 1, 2, 'Growth to 50,000 community users', '20000000000000000', 'community_users', 50000, 'reported', 'Educational content and tools are rewarded as bounties; two community members built monitoring tools in April (a Telegram bot and a Discord bot for solo miners and delegators).', NULL);


--
-- Data for Name: reports; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reports VALUES (1, 'demo/embassy-reports', 1, 1000001, 'demo-member-0001', 1, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/1', '2024-08-03 00:11:00+00', '2024-08-03 00:11:00+00', '', '2024-07', 'pending', 1, '2024-08-03 00:11:00+00', '2024-08-03 00:11:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (2, 'demo/embassy-reports', 2, 1000002, 'demo-member-0002', 2, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/2', '2024-08-02 11:21:00+00', '2024-08-02 11:21:00+00', '', '2024-07', 'pending', 1, '2024-08-02 11:21:00+00', '2024-08-02 11:21:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (3, 'demo/embassy-reports', 3, 1000003, 'demo-member-0003', 3, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/3', '2024-08-03 09:42:00+00', '2024-08-03 09:42:00+00', '', '2024-07', 'pending', 1, '2024-08-03 09:42:00+00', '2024-08-03 09:42:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (4, 'demo/embassy-reports', 4, 1000004, 'demo-member-0005', 5, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/4', '2024-08-03 20:03:00+00', '2024-08-03 20:03:00+00', '', '2024-07', 'pending', 1, '2024-08-03 20:03:00+00', '2024-08-03 20:03:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (5, 'demo/embassy-reports', 5, 1000005, 'demo-member-0006', 6, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/5', '2024-08-02 11:56:00+00', '2024-08-02 11:56:00+00', '', '2024-07', 'pending', 1, '2024-08-02 11:56:00+00', '2024-08-02 11:56:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (6, 'demo/embassy-reports', 6, 1000006, 'demo-member-0007', 7, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/6', '2024-08-03 23:12:00+00', '2024-08-03 23:12:00+00', '', '2024-07', 'pending', 1, '2024-08-03 23:12:00+00', '2024-08-03 23:12:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (7, 'demo/embassy-reports', 7, 1000007, 'demo-member-0008', 8, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/7', '2024-08-04 07:43:00+00', '2024-08-04 07:43:00+00', '', '2024-07', 'pending', 1, '2024-08-04 07:43:00+00', '2024-08-04 07:43:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (8, 'demo/embassy-reports', 8, 1000008, 'demo-member-0010', 10, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/8', '2024-08-01 18:19:00+00', '2024-08-01 18:19:00+00', '', '2024-07', 'pending', 1, '2024-08-01 18:19:00+00', '2024-08-01 18:19:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (9, 'demo/embassy-reports', 9, 1000009, 'demo-member-0011', 11, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/9', '2024-08-02 05:52:00+00', '2024-08-02 05:52:00+00', '', '2024-07', 'pending', 1, '2024-08-02 05:52:00+00', '2024-08-02 05:52:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (10, 'demo/embassy-reports', 10, 1000010, 'demo-member-0012', 12, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/10', '2024-08-04 01:07:00+00', '2024-08-04 01:07:00+00', '', '2024-07', 'pending', 1, '2024-08-04 01:07:00+00', '2024-08-04 01:07:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (11, 'demo/embassy-reports', 11, 1000011, 'demo-member-0001', 1, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/11', '2024-09-02 22:28:00+00', '2024-09-02 22:28:00+00', '', '2024-08', 'pending', 1, '2024-09-02 22:28:00+00', '2024-09-02 22:28:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (12, 'demo/embassy-reports', 12, 1000012, 'demo-member-0003', 3, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/12', '2024-09-02 19:08:00+00', '2024-09-02 19:08:00+00', '', '2024-08', 'pending', 1, '2024-09-02 19:08:00+00', '2024-09-02 19:08:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (13, 'demo/embassy-reports', 13, 1000013, 'demo-member-0004', 4, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/13', '2024-09-01 13:26:00+00', '2024-09-01 13:26:00+00', '', '2024-08', 'pending', 1, '2024-09-01 13:26:00+00', '2024-09-01 13:26:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (14, 'demo/embassy-reports', 14, 1000014, 'demo-member-0005', 5, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/14', '2024-09-01 23:51:00+00', '2024-09-01 23:51:00+00', '', '2024-08', 'pending', 1, '2024-09-01 23:51:00+00', '2024-09-01 23:51:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (15, 'demo/embassy-reports', 15, 1000015, 'demo-member-0006', 6, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/15', '2024-09-01 20:17:00+00', '2024-09-01 20:17:00+00', '', '2024-08', 'pending', 1, '2024-09-01 20:17:00+00', '2024-09-01 20:17:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (16, 'demo/embassy-reports', 16, 1000016, 'demo-member-0007', 7, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/16', '2024-09-01 22:47:00+00', '2024-09-01 22:47:00+00', '', '2024-08', 'pending', 1, '2024-09-01 22:47:00+00', '2024-09-01 22:47:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (17, 'demo/embassy-reports', 17, 1000017, 'demo-member-0008', 8, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/17', '2024-09-02 18:18:00+00', '2024-09-02 18:18:00+00', '', '2024-08', 'pending', 1, '2024-09-02 18:18:00+00', '2024-09-02 18:18:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (18, 'demo/embassy-reports', 18, 1000018, 'demo-member-0009', 9, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/18', '2024-09-02 21:10:00+00', '2024-09-02 21:10:00+00', '', '2024-08', 'pending', 1, '2024-09-02 21:10:00+00', '2024-09-02 21:10:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (19, 'demo/embassy-reports', 19, 1000019, 'demo-member-0010', 10, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/19', '2024-09-01 14:34:00+00', '2024-09-01 14:34:00+00', '', '2024-08', 'pending', 1, '2024-09-01 14:34:00+00', '2024-09-01 14:34:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (20, 'demo/embassy-reports', 20, 1000020, 'demo-member-0012', 12, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/20', '2024-09-03 16:21:00+00', '2024-09-03 16:21:00+00', '', '2024-08', 'pending', 1, '2024-09-03 16:21:00+00', '2024-09-03 16:21:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (21, 'demo/embassy-reports', 21, 1000021, 'demo-member-0001', 1, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/21', '2024-10-03 18:19:00+00', '2024-10-03 18:19:00+00', '', '2024-09', 'pending', 1, '2024-10-03 18:19:00+00', '2024-10-03 18:19:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (22, 'demo/embassy-reports', 22, 1000022, 'demo-member-0002', 2, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/22', '2024-10-03 10:45:00+00', '2024-10-03 10:45:00+00', '', '2024-09', 'pending', 1, '2024-10-03 10:45:00+00', '2024-10-03 10:45:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (23, 'demo/embassy-reports', 23, 1000023, 'demo-member-0003', 3, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/23', '2024-10-03 06:28:00+00', '2024-10-03 06:28:00+00', '', '2024-09', 'pending', 1, '2024-10-03 06:28:00+00', '2024-10-03 06:28:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (24, 'demo/embassy-reports', 24, 1000024, 'demo-member-0004', 4, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/24', '2024-10-02 19:59:00+00', '2024-10-02 19:59:00+00', '', '2024-09', 'pending', 1, '2024-10-02 19:59:00+00', '2024-10-02 19:59:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (25, 'demo/embassy-reports', 25, 1000025, 'demo-member-0005', 5, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/25', '2024-10-03 04:41:00+00', '2024-10-03 04:41:00+00', '', '2024-09', 'pending', 1, '2024-10-03 04:41:00+00', '2024-10-03 04:41:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (26, 'demo/embassy-reports', 26, 1000026, 'demo-member-0006', 6, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/26', '2024-10-02 23:56:00+00', '2024-10-02 23:56:00+00', '', '2024-09', 'pending', 1, '2024-10-02 23:56:00+00', '2024-10-02 23:56:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (27, 'demo/embassy-reports', 27, 1000027, 'demo-member-0007', 7, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/27', '2024-10-02 08:21:00+00', '2024-10-02 08:21:00+00', '', '2024-09', 'pending', 1, '2024-10-02 08:21:00+00', '2024-10-02 08:21:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (28, 'demo/embassy-reports', 28, 1000028, 'demo-member-0008', 8, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/28', '2024-10-01 14:36:00+00', '2024-10-01 14:36:00+00', '', '2024-09', 'pending', 1, '2024-10-01 14:36:00+00', '2024-10-01 14:36:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (29, 'demo/embassy-reports', 29, 1000029, 'demo-member-0009', 9, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/29', '2024-10-03 22:40:00+00', '2024-10-03 22:40:00+00', '', '2024-09', 'pending', 1, '2024-10-03 22:40:00+00', '2024-10-03 22:40:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (30, 'demo/embassy-reports', 30, 1000030, 'demo-member-0010', 10, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/30', '2024-10-03 12:54:00+00', '2024-10-03 12:54:00+00', '', '2024-09', 'pending', 1, '2024-10-03 12:54:00+00', '2024-10-03 12:54:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (31, 'demo/embassy-reports', 31, 1000031, 'demo-member-0011', 11, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/31', '2024-10-02 00:48:00+00', '2024-10-02 00:48:00+00', '', '2024-09', 'pending', 1, '2024-10-02 00:48:00+00', '2024-10-02 00:48:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (32, 'demo/embassy-reports', 32, 1000032, 'demo-member-0012', 12, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/32', '2024-10-01 14:26:00+00', '2024-10-01 14:26:00+00', '', '2024-09', 'pending', 1, '2024-10-01 14:26:00+00', '2024-10-01 14:26:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (33, 'demo/embassy-reports', 33, 1000033, 'demo-member-0001', 1, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/33', '2024-11-01 18:41:00+00', '2024-11-01 18:41:00+00', '', '2024-10', 'pending', 1, '2024-11-01 18:41:00+00', '2024-11-01 18:41:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (34, 'demo/embassy-reports', 34, 1000034, 'demo-member-0002', 2, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/34', '2024-11-02 00:29:00+00', '2024-11-02 00:29:00+00', '', '2024-10', 'pending', 1, '2024-11-02 00:29:00+00', '2024-11-02 00:29:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (35, 'demo/embassy-reports', 35, 1000035, 'demo-member-0003', 3, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/35', '2024-11-03 01:59:00+00', '2024-11-03 01:59:00+00', '', '2024-10', 'pending', 1, '2024-11-03 01:59:00+00', '2024-11-03 01:59:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (36, 'demo/embassy-reports', 36, 1000036, 'demo-member-0005', 5, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/36', '2024-11-03 15:03:00+00', '2024-11-03 15:03:00+00', '', '2024-10', 'pending', 1, '2024-11-03 15:03:00+00', '2024-11-03 15:03:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (37, 'demo/embassy-reports', 37, 1000037, 'demo-member-0006', 6, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/37', '2024-11-04 07:36:00+00', '2024-11-04 07:36:00+00', '', '2024-10', 'pending', 1, '2024-11-04 07:36:00+00', '2024-11-04 07:36:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (38, 'demo/embassy-reports', 38, 1000038, 'demo-member-0007', 7, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/38', '2024-11-04 04:52:00+00', '2024-11-04 04:52:00+00', '', '2024-10', 'pending', 1, '2024-11-04 04:52:00+00', '2024-11-04 04:52:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (39, 'demo/embassy-reports', 39, 1000039, 'demo-member-0008', 8, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/39', '2024-11-01 10:00:00+00', '2024-11-01 10:00:00+00', '', '2024-10', 'pending', 1, '2024-11-01 10:00:00+00', '2024-11-01 10:00:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (40, 'demo/embassy-reports', 40, 1000040, 'demo-member-0009', 9, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/40', '2024-11-02 01:56:00+00', '2024-11-02 01:56:00+00', '', '2024-10', 'pending', 1, '2024-11-02 01:56:00+00', '2024-11-02 01:56:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (41, 'demo/embassy-reports', 41, 1000041, 'demo-member-0010', 10, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/41', '2024-11-02 19:13:00+00', '2024-11-02 19:13:00+00', '', '2024-10', 'pending', 1, '2024-11-02 19:13:00+00', '2024-11-02 19:13:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (42, 'demo/embassy-reports', 42, 1000042, 'demo-member-0011', 11, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/42', '2024-11-03 17:55:00+00', '2024-11-03 17:55:00+00', '', '2024-10', 'pending', 1, '2024-11-03 17:55:00+00', '2024-11-03 17:55:00+00', NULL, NULL);
INSERT INTO public.reports VALUES (43, 'demo/embassy-reports', 43, 1000043, 'demo-member-0012', 12, 'open', 'present', NULL, 'https://github.com/demo/embassy-reports/issues/43', '2024-11-04 03:20:00+00', '2024-11-04 03:20:00+00', '', '2024-10', 'pending', 1, '2024-11-04 03:20:00+00', '2024-11-04 03:20:00+00', NULL, NULL);


--
-- Data for Name: report_versions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.report_versions VALUES (1, 1, 1, 'July 2024 Contribution - Demo Member 0001', '_Demo report: made-up text._

- Departments: [CC]/[MK]

- CC: moderated channels, wrote posts, hosted a call.
- MK: moderated channels, wrote posts, hosted a call.', '2024-08-03 00:11:00+00', '2024-08-03 00:11:00+00', 'f05b01f475dbafb7fee8591ec9a5a1d95263be928c9e26a930eb31a19ea1269a', '2024-08-03 00:11:00+00');
INSERT INTO public.report_versions VALUES (2, 2, 1, 'July 2024 Contribution - Demo Member 0002', '_Demo report: made-up text._

- Departments: [CM]/[BD]

- CM: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-08-02 11:21:00+00', '2024-08-02 11:21:00+00', 'cdecfbae087f043535a009f493bd82e0cd38b9dacc185513772bc5204c501866', '2024-08-02 11:21:00+00');
INSERT INTO public.report_versions VALUES (3, 3, 1, 'July 2024 Contribution - Demo Member 0003', '_Demo report: made-up text._

- Departments: [MK]/[TECH]

- MK: moderated channels, wrote posts, hosted a call.
- TECH: moderated channels, wrote posts, hosted a call.', '2024-08-03 09:42:00+00', '2024-08-03 09:42:00+00', '6f1106d17bdfdae9613f69f30a4520fea8c7bf3ab8e54ce65e34add892499c29', '2024-08-03 09:42:00+00');
INSERT INTO public.report_versions VALUES (4, 4, 1, 'July 2024 Contribution - Demo Member 0005', '_Demo report: made-up text._

- Departments: [CC]/[BD]

- CC: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-08-03 20:03:00+00', '2024-08-03 20:03:00+00', '7f7229598623daf44586f83db1fe165f21b2d78f0380133941bdd1444089db0e', '2024-08-03 20:03:00+00');
INSERT INTO public.report_versions VALUES (5, 5, 1, 'July 2024 Contribution - Demo Member 0006', '_Demo report: made-up text._

- Departments: [CC]/[BD]

- CC: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-08-02 11:56:00+00', '2024-08-02 11:56:00+00', '516c4ad67d887d79ff2577f479965c9b7ff336213dd6cb90668d27228475fabe', '2024-08-02 11:56:00+00');
INSERT INTO public.report_versions VALUES (6, 6, 1, 'July 2024 Contribution - Demo Member 0007', '_Demo report: made-up text._

- Departments: [CC]/[TECH]

- CC: moderated channels, wrote posts, hosted a call.
- TECH: moderated channels, wrote posts, hosted a call.', '2024-08-03 23:12:00+00', '2024-08-03 23:12:00+00', '7979404ab91ef5869febe65023bf68d58a31a832bc0f7abd8068224f874d1df8', '2024-08-03 23:12:00+00');
INSERT INTO public.report_versions VALUES (7, 7, 1, 'July 2024 Contribution - Demo Member 0008', '_Demo report: made-up text._

- Departments: [CM]/[CC]

- CM: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-08-04 07:43:00+00', '2024-08-04 07:43:00+00', '4343738e294b99f3de0c43922487a38d2436c2a9c9ca1b96a17096e84755d873', '2024-08-04 07:43:00+00');
INSERT INTO public.report_versions VALUES (8, 8, 1, 'July 2024 Contribution - Demo Member 0010', '_Demo report: made-up text._

- Departments: [CC]/[BD]

- CC: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-08-01 18:19:00+00', '2024-08-01 18:19:00+00', '845582b97a0c2bef743a614904077d8fb1f4b131a014059456f642e5abff10fa', '2024-08-01 18:19:00+00');
INSERT INTO public.report_versions VALUES (9, 9, 1, 'July 2024 Contribution - Demo Member 0011', '_Demo report: made-up text._

- Departments: [MK]/[CM]

- MK: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-08-02 05:52:00+00', '2024-08-02 05:52:00+00', '5ddffbba43aad1cda6697f78f434f3df3c43101b962c60baa21cc2530bb21133', '2024-08-02 05:52:00+00');
INSERT INTO public.report_versions VALUES (10, 10, 1, 'July 2024 Contribution - Demo Member 0012', '_Demo report: made-up text._

- Departments: [BD]/[TECH]

- BD: moderated channels, wrote posts, hosted a call.
- TECH: moderated channels, wrote posts, hosted a call.', '2024-08-04 01:07:00+00', '2024-08-04 01:07:00+00', 'c06aa7774f32bceb4918e82b4991e00b78a5cbef5303d16fd39b33351d5e38c1', '2024-08-04 01:07:00+00');
INSERT INTO public.report_versions VALUES (11, 11, 1, 'August 2024 Contribution - Demo Member 0001', '_Demo report: made-up text._

- Departments: [BD]/[TECH]

- BD: moderated channels, wrote posts, hosted a call.
- TECH: moderated channels, wrote posts, hosted a call.', '2024-09-02 22:28:00+00', '2024-09-02 22:28:00+00', 'a91d0a9f6331c37854104bd38d8cb8c4145cff19c34f9d83c0925687ecf21b88', '2024-09-02 22:28:00+00');
INSERT INTO public.report_versions VALUES (12, 12, 1, 'August 2024 Contribution - Demo Member 0003', '_Demo report: made-up text._

- Departments: [CC]/[CM]

- CC: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-09-02 19:08:00+00', '2024-09-02 19:08:00+00', '7ed6fe62313cd4c95e75261e87ecc9ac17fb594ca1f7f898cd1149285c99dc23', '2024-09-02 19:08:00+00');
INSERT INTO public.report_versions VALUES (13, 13, 1, 'August 2024 Contribution - Demo Member 0004', '_Demo report: made-up text._

- Departments: [TECH]/[BD]

- TECH: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-09-01 13:26:00+00', '2024-09-01 13:26:00+00', 'b9af39a734ac3a43c69a883fc914f62e2f2ad37f57b03da83deee0155a3c4673', '2024-09-01 13:26:00+00');
INSERT INTO public.report_versions VALUES (14, 14, 1, 'August 2024 Contribution - Demo Member 0005', '_Demo report: made-up text._

- Departments: [CC]/[MK]

- CC: moderated channels, wrote posts, hosted a call.
- MK: moderated channels, wrote posts, hosted a call.', '2024-09-01 23:51:00+00', '2024-09-01 23:51:00+00', 'abcf9e02eae5ee0e2062a226a05f5aa21c794bf2496a18eca234765abfd3363e', '2024-09-01 23:51:00+00');
INSERT INTO public.report_versions VALUES (15, 15, 1, 'August 2024 Contribution - Demo Member 0006', '_Demo report: made-up text._

- Departments: [TECH]/[CM]

- TECH: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-09-01 20:17:00+00', '2024-09-01 20:17:00+00', '47a4a5503e6d82461f71c920f6be9ef0b252925a15fb6009d8be8320d2e14353', '2024-09-01 20:17:00+00');
INSERT INTO public.report_versions VALUES (16, 16, 1, 'August 2024 Contribution - Demo Member 0007', '_Demo report: made-up text._

- Departments: [TECH]/[MK]

- TECH: moderated channels, wrote posts, hosted a call.
- MK: moderated channels, wrote posts, hosted a call.', '2024-09-01 22:47:00+00', '2024-09-01 22:47:00+00', 'ee8bc774d2a2293cf4e3a7cf16991ea90f94ca80eba12c1aadcf888886087c58', '2024-09-01 22:47:00+00');
INSERT INTO public.report_versions VALUES (17, 17, 1, 'August 2024 Contribution - Demo Member 0008', '_Demo report: made-up text._

- Departments: [MK]/[BD]

- MK: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-09-02 18:18:00+00', '2024-09-02 18:18:00+00', '8566a29e3ad002f0ac82a4fda4d9bedd70fb3cc48d11192b3d6333b5f2b32f54', '2024-09-02 18:18:00+00');
INSERT INTO public.report_versions VALUES (18, 18, 1, 'August 2024 Contribution - Demo Member 0009', '_Demo report: made-up text._

- Departments: [BD]/[CM]

- BD: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-09-02 21:10:00+00', '2024-09-02 21:10:00+00', '3ab39e0af68f20ab059d00501b212c03e7bf78e124c706e42c1f5a8c3b74ec5d', '2024-09-02 21:10:00+00');
INSERT INTO public.report_versions VALUES (19, 19, 1, 'August 2024 Contribution - Demo Member 0010', '_Demo report: made-up text._

- Departments: [MK]/[BD]

- MK: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-09-01 14:34:00+00', '2024-09-01 14:34:00+00', '0858a4be4fe0ae984e8b5def4303149c1a3601ace8ccc91bc9b14090a1f6ea12', '2024-09-01 14:34:00+00');
INSERT INTO public.report_versions VALUES (20, 20, 1, 'August 2024 Contribution - Demo Member 0012', '_Demo report: made-up text._

- Departments: [BD]/[CM]

- BD: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-09-03 16:21:00+00', '2024-09-03 16:21:00+00', '2182d88d2a82577cb1851eaf12b141e5bee9422c0333fd3f9eae563d4a2d8507', '2024-09-03 16:21:00+00');
INSERT INTO public.report_versions VALUES (21, 21, 1, 'September 2024 Contribution - Demo Member 0001', '_Demo report: made-up text._

- Departments: [CC]/[TA]

- CC: moderated channels, wrote posts, hosted a call.
- TA: moderated channels, wrote posts, hosted a call.', '2024-10-03 18:19:00+00', '2024-10-03 18:19:00+00', '6b1cce9c72777d4da4affd0857a92d70caad7982998cc4c084223ea7921bd3ac', '2024-10-03 18:19:00+00');
INSERT INTO public.report_versions VALUES (22, 22, 1, 'September 2024 Contribution - Demo Member 0002', '_Demo report: made-up text._

- Departments: [TA]/[CM]

- TA: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-10-03 10:45:00+00', '2024-10-03 10:45:00+00', '8880e74f430ec33c6cb4f8199fd8d0297f160c5ddbfa190d75b4d1a9040b41d2', '2024-10-03 10:45:00+00');
INSERT INTO public.report_versions VALUES (23, 23, 1, 'September 2024 Contribution - Demo Member 0003', '_Demo report: made-up text._

- Departments: [CC]/[CM]

- CC: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-10-03 06:28:00+00', '2024-10-03 06:28:00+00', '6c1ba8a3221a0f14666a8855ac1afb59ae330a4bceae3227b7c71edbdec92453', '2024-10-03 06:28:00+00');
INSERT INTO public.report_versions VALUES (24, 24, 1, 'September 2024 Contribution - Demo Member 0004', '_Demo report: made-up text._

- Departments: [CM]/[CC]

- CM: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-10-02 19:59:00+00', '2024-10-02 19:59:00+00', '4cf32d32491b4c9ec5dcc7905d527a2cfead8c97374161e0cf791b520eaa77e0', '2024-10-02 19:59:00+00');
INSERT INTO public.report_versions VALUES (25, 25, 1, 'September 2024 Contribution - Demo Member 0005', '_Demo report: made-up text._

- Departments: [BD]/[MK]

- BD: moderated channels, wrote posts, hosted a call.
- MK: moderated channels, wrote posts, hosted a call.', '2024-10-03 04:41:00+00', '2024-10-03 04:41:00+00', '4b47130ff9fbc9523d3544bb33fdac06bea6689d64898d5784ff1b306d818582', '2024-10-03 04:41:00+00');
INSERT INTO public.report_versions VALUES (26, 26, 1, 'September 2024 Contribution - Demo Member 0006', '_Demo report: made-up text._

- Departments: [CM]/[CC]

- CM: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-10-02 23:56:00+00', '2024-10-02 23:56:00+00', 'ae1b19668a0759f2c1e1280dd4ca086ac1134ca9cf4b1062b29b6c7898eb3117', '2024-10-02 23:56:00+00');
INSERT INTO public.report_versions VALUES (27, 27, 1, 'September 2024 Contribution - Demo Member 0007', '_Demo report: made-up text._

- Departments: [TA]/[BD]

- TA: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-10-02 08:21:00+00', '2024-10-02 08:21:00+00', 'baeef65547917acad951b9be978ecebdee4addb5c5bc79c7b6c9cbefa8882d89', '2024-10-02 08:21:00+00');
INSERT INTO public.report_versions VALUES (28, 28, 1, 'September 2024 Contribution - Demo Member 0008', '_Demo report: made-up text._

- Departments: [TA]/[CM]

- TA: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-10-01 14:36:00+00', '2024-10-01 14:36:00+00', '1a65bb9868951d1334525805b4a3bc9f53cff1d5bec573b9f10cfbee0d6afb1c', '2024-10-01 14:36:00+00');
INSERT INTO public.report_versions VALUES (29, 29, 1, 'September 2024 Contribution - Demo Member 0009', '_Demo report: made-up text._

- Departments: [CM]/[TA]

- CM: moderated channels, wrote posts, hosted a call.
- TA: moderated channels, wrote posts, hosted a call.', '2024-10-03 22:40:00+00', '2024-10-03 22:40:00+00', 'be80c09e6362f5e844f55f79772f211b0722d38d9091b56903f4f4998876bded', '2024-10-03 22:40:00+00');
INSERT INTO public.report_versions VALUES (30, 30, 1, 'September 2024 Contribution - Demo Member 0010', '_Demo report: made-up text._

- Departments: [MK]/[CM]

- MK: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-10-03 12:54:00+00', '2024-10-03 12:54:00+00', 'ce62e3da576673c296da09129b29e09fd2e6da1d339d51c55eabc52eabb0646e', '2024-10-03 12:54:00+00');
INSERT INTO public.report_versions VALUES (31, 31, 1, 'September 2024 Contribution - Demo Member 0011', '_Demo report: made-up text._

- Departments: [TA]/[CC]

- TA: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-10-02 00:48:00+00', '2024-10-02 00:48:00+00', '7d89c96ec311d103bbdbb9b1d34b09b71ae97d20460ff49794d2449a1571837a', '2024-10-02 00:48:00+00');
INSERT INTO public.report_versions VALUES (32, 32, 1, 'September 2024 Contribution - Demo Member 0012', '_Demo report: made-up text._

- Departments: [CC]/[TA]

- CC: moderated channels, wrote posts, hosted a call.
- TA: moderated channels, wrote posts, hosted a call.', '2024-10-01 14:26:00+00', '2024-10-01 14:26:00+00', '25378f1739ba74ecfd36d191627cc77f43685a63c59feedcf101558ca73b5c5e', '2024-10-01 14:26:00+00');
INSERT INTO public.report_versions VALUES (33, 33, 1, 'October 2024 Contribution - Demo Member 0001', '_Demo report: made-up text._

- Departments: [BD]/[CC]

- BD: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-11-01 18:41:00+00', '2024-11-01 18:41:00+00', '2e87b73fad61a52bca61a734cafb6c1507f96213b3243901de2a002ae01c4199', '2024-11-01 18:41:00+00');
INSERT INTO public.report_versions VALUES (34, 34, 1, 'October 2024 Contribution - Demo Member 0002', '_Demo report: made-up text._

- Departments: [TA]/[BD]

- TA: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-11-02 00:29:00+00', '2024-11-02 00:29:00+00', '6beb93340373cbf9300577de99abf813aa5a9af026c634bc6f33bc300e55ae9f', '2024-11-02 00:29:00+00');
INSERT INTO public.report_versions VALUES (35, 35, 1, 'October 2024 Contribution - Demo Member 0003', '_Demo report: made-up text._

- Departments: [MK]/[CC]

- MK: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-11-03 01:59:00+00', '2024-11-03 01:59:00+00', '983032a81028da58214dd5928c93e1c6079cce2ed1bd088d31e377ce75301b57', '2024-11-03 01:59:00+00');
INSERT INTO public.report_versions VALUES (36, 36, 1, 'October 2024 Contribution - Demo Member 0005', '_Demo report: made-up text._

- Departments: [CM]/[TA]

- CM: moderated channels, wrote posts, hosted a call.
- TA: moderated channels, wrote posts, hosted a call.', '2024-11-03 15:03:00+00', '2024-11-03 15:03:00+00', '852cd155ec832a0fd2748f7413733662b80159a5718a507109eb0cf87e5445ca', '2024-11-03 15:03:00+00');
INSERT INTO public.report_versions VALUES (37, 37, 1, 'October 2024 Contribution - Demo Member 0006', '_Demo report: made-up text._

- Departments: [MK]/[TA]

- MK: moderated channels, wrote posts, hosted a call.
- TA: moderated channels, wrote posts, hosted a call.', '2024-11-04 07:36:00+00', '2024-11-04 07:36:00+00', '736cfc90ade7f90cac3450df2f9b34fec1cfff3d61601459a0f97e606cf457e1', '2024-11-04 07:36:00+00');
INSERT INTO public.report_versions VALUES (38, 38, 1, 'October 2024 Contribution - Demo Member 0007', '_Demo report: made-up text._

- Departments: [CC]/[CM]

- CC: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-11-04 04:52:00+00', '2024-11-04 04:52:00+00', '8b54df91b2ce4c166c18bf62160f1b8a0232c779820e421036071b7522e10c29', '2024-11-04 04:52:00+00');
INSERT INTO public.report_versions VALUES (39, 39, 1, 'October 2024 Contribution - Demo Member 0008', '_Demo report: made-up text._

- Departments: [TA]/[CC]

- TA: moderated channels, wrote posts, hosted a call.
- CC: moderated channels, wrote posts, hosted a call.', '2024-11-01 10:00:00+00', '2024-11-01 10:00:00+00', '4a833374b19260dc98301476aa1d8e27669a8bbd632d2fe51d71298cab600291', '2024-11-01 10:00:00+00');
INSERT INTO public.report_versions VALUES (40, 40, 1, 'October 2024 Contribution - Demo Member 0009', '_Demo report: made-up text._

- Departments: [CM]/[BD]

- CM: moderated channels, wrote posts, hosted a call.
- BD: moderated channels, wrote posts, hosted a call.', '2024-11-02 01:56:00+00', '2024-11-02 01:56:00+00', '004896dd3ccc72b301d9c95b676995dc474dcc2154014752d6683162c08cc67d', '2024-11-02 01:56:00+00');
INSERT INTO public.report_versions VALUES (41, 41, 1, 'October 2024 Contribution - Demo Member 0010', '_Demo report: made-up text._

- Departments: [MK]/[CM]

- MK: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-11-02 19:13:00+00', '2024-11-02 19:13:00+00', 'bd5e5d512286e707471aeb61ef154dc66e619acda317510ee2540cd9935d08f9', '2024-11-02 19:13:00+00');
INSERT INTO public.report_versions VALUES (42, 42, 1, 'October 2024 Contribution - Demo Member 0011', '_Demo report: made-up text._

- Departments: [MK]/[CM]

- MK: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-11-03 17:55:00+00', '2024-11-03 17:55:00+00', 'f0bbb2377a7b2627f700f69b41982616fdc123e10bf508bf9efa0afd5e26d5e8', '2024-11-03 17:55:00+00');
INSERT INTO public.report_versions VALUES (43, 43, 1, 'October 2024 Contribution - Demo Member 0012', '_Demo report: made-up text._

- Departments: [TA]/[CM]

- TA: moderated channels, wrote posts, hosted a call.
- CM: moderated channels, wrote posts, hosted a call.', '2024-11-04 03:20:00+00', '2024-11-04 03:20:00+00', '4a40c36e40c50aa775da096e9f4d83676689e5d91619a84ebd0359ac243e0d66', '2024-11-04 03:20:00+00');


--
-- Data for Name: report_diagnostics; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: report_parses; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.report_parses VALUES (1, 1, 'demo', '2024-07', NULL, 'CC,MK', '{"CC":{"score":"30","max":"40"},"MK":{"score":"30","max":"40"}}', '2024-08-03 00:11:00+00');
INSERT INTO public.report_parses VALUES (2, 2, 'demo', '2024-07', NULL, 'CM,BD', '{"CM":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-08-02 11:21:00+00');
INSERT INTO public.report_parses VALUES (3, 3, 'demo', '2024-07', NULL, 'MK,TECH', '{"MK":{"score":"30","max":"40"},"TECH":{"score":"30","max":"40"}}', '2024-08-03 09:42:00+00');
INSERT INTO public.report_parses VALUES (4, 4, 'demo', '2024-07', NULL, 'CC,BD', '{"CC":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-08-03 20:03:00+00');
INSERT INTO public.report_parses VALUES (5, 5, 'demo', '2024-07', NULL, 'CC,BD', '{"CC":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-08-02 11:56:00+00');
INSERT INTO public.report_parses VALUES (6, 6, 'demo', '2024-07', NULL, 'CC,TECH', '{"CC":{"score":"30","max":"40"},"TECH":{"score":"30","max":"40"}}', '2024-08-03 23:12:00+00');
INSERT INTO public.report_parses VALUES (7, 7, 'demo', '2024-07', NULL, 'CM,CC', '{"CM":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-08-04 07:43:00+00');
INSERT INTO public.report_parses VALUES (8, 8, 'demo', '2024-07', NULL, 'CC,BD', '{"CC":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-08-01 18:19:00+00');
INSERT INTO public.report_parses VALUES (9, 9, 'demo', '2024-07', NULL, 'MK,CM', '{"MK":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-08-02 05:52:00+00');
INSERT INTO public.report_parses VALUES (10, 10, 'demo', '2024-07', NULL, 'BD,TECH', '{"BD":{"score":"30","max":"40"},"TECH":{"score":"30","max":"40"}}', '2024-08-04 01:07:00+00');
INSERT INTO public.report_parses VALUES (11, 11, 'demo', '2024-08', NULL, 'BD,TECH', '{"BD":{"score":"30","max":"40"},"TECH":{"score":"30","max":"40"}}', '2024-09-02 22:28:00+00');
INSERT INTO public.report_parses VALUES (12, 12, 'demo', '2024-08', NULL, 'CC,CM', '{"CC":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-09-02 19:08:00+00');
INSERT INTO public.report_parses VALUES (13, 13, 'demo', '2024-08', NULL, 'TECH,BD', '{"TECH":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-09-01 13:26:00+00');
INSERT INTO public.report_parses VALUES (14, 14, 'demo', '2024-08', NULL, 'CC,MK', '{"CC":{"score":"30","max":"40"},"MK":{"score":"30","max":"40"}}', '2024-09-01 23:51:00+00');
INSERT INTO public.report_parses VALUES (15, 15, 'demo', '2024-08', NULL, 'TECH,CM', '{"TECH":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-09-01 20:17:00+00');
INSERT INTO public.report_parses VALUES (16, 16, 'demo', '2024-08', NULL, 'TECH,MK', '{"TECH":{"score":"30","max":"40"},"MK":{"score":"30","max":"40"}}', '2024-09-01 22:47:00+00');
INSERT INTO public.report_parses VALUES (17, 17, 'demo', '2024-08', NULL, 'MK,BD', '{"MK":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-09-02 18:18:00+00');
INSERT INTO public.report_parses VALUES (18, 18, 'demo', '2024-08', NULL, 'BD,CM', '{"BD":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-09-02 21:10:00+00');
INSERT INTO public.report_parses VALUES (19, 19, 'demo', '2024-08', NULL, 'MK,BD', '{"MK":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-09-01 14:34:00+00');
INSERT INTO public.report_parses VALUES (20, 20, 'demo', '2024-08', NULL, 'BD,CM', '{"BD":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-09-03 16:21:00+00');
INSERT INTO public.report_parses VALUES (21, 21, 'demo', '2024-09', NULL, 'CC,TA', '{"CC":{"score":"30","max":"40"},"TA":{"score":"30","max":"40"}}', '2024-10-03 18:19:00+00');
INSERT INTO public.report_parses VALUES (22, 22, 'demo', '2024-09', NULL, 'TA,CM', '{"TA":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-10-03 10:45:00+00');
INSERT INTO public.report_parses VALUES (23, 23, 'demo', '2024-09', NULL, 'CC,CM', '{"CC":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-10-03 06:28:00+00');
INSERT INTO public.report_parses VALUES (24, 24, 'demo', '2024-09', NULL, 'CM,CC', '{"CM":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-10-02 19:59:00+00');
INSERT INTO public.report_parses VALUES (25, 25, 'demo', '2024-09', NULL, 'BD,MK', '{"BD":{"score":"30","max":"40"},"MK":{"score":"30","max":"40"}}', '2024-10-03 04:41:00+00');
INSERT INTO public.report_parses VALUES (26, 26, 'demo', '2024-09', NULL, 'CM,CC', '{"CM":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-10-02 23:56:00+00');
INSERT INTO public.report_parses VALUES (27, 27, 'demo', '2024-09', NULL, 'TA,BD', '{"TA":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-10-02 08:21:00+00');
INSERT INTO public.report_parses VALUES (28, 28, 'demo', '2024-09', NULL, 'TA,CM', '{"TA":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-10-01 14:36:00+00');
INSERT INTO public.report_parses VALUES (29, 29, 'demo', '2024-09', NULL, 'CM,TA', '{"CM":{"score":"30","max":"40"},"TA":{"score":"30","max":"40"}}', '2024-10-03 22:40:00+00');
INSERT INTO public.report_parses VALUES (30, 30, 'demo', '2024-09', NULL, 'MK,CM', '{"MK":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-10-03 12:54:00+00');
INSERT INTO public.report_parses VALUES (31, 31, 'demo', '2024-09', NULL, 'TA,CC', '{"TA":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-10-02 00:48:00+00');
INSERT INTO public.report_parses VALUES (32, 32, 'demo', '2024-09', NULL, 'CC,TA', '{"CC":{"score":"30","max":"40"},"TA":{"score":"30","max":"40"}}', '2024-10-01 14:26:00+00');
INSERT INTO public.report_parses VALUES (33, 33, 'demo', '2024-10', NULL, 'BD,CC', '{"BD":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-11-01 18:41:00+00');
INSERT INTO public.report_parses VALUES (34, 34, 'demo', '2024-10', NULL, 'TA,BD', '{"TA":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-11-02 00:29:00+00');
INSERT INTO public.report_parses VALUES (35, 35, 'demo', '2024-10', NULL, 'MK,CC', '{"MK":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-11-03 01:59:00+00');
INSERT INTO public.report_parses VALUES (36, 36, 'demo', '2024-10', NULL, 'CM,TA', '{"CM":{"score":"30","max":"40"},"TA":{"score":"30","max":"40"}}', '2024-11-03 15:03:00+00');
INSERT INTO public.report_parses VALUES (37, 37, 'demo', '2024-10', NULL, 'MK,TA', '{"MK":{"score":"30","max":"40"},"TA":{"score":"30","max":"40"}}', '2024-11-04 07:36:00+00');
INSERT INTO public.report_parses VALUES (38, 38, 'demo', '2024-10', NULL, 'CC,CM', '{"CC":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-11-04 04:52:00+00');
INSERT INTO public.report_parses VALUES (39, 39, 'demo', '2024-10', NULL, 'TA,CC', '{"TA":{"score":"30","max":"40"},"CC":{"score":"30","max":"40"}}', '2024-11-01 10:00:00+00');
INSERT INTO public.report_parses VALUES (40, 40, 'demo', '2024-10', NULL, 'CM,BD', '{"CM":{"score":"30","max":"40"},"BD":{"score":"30","max":"40"}}', '2024-11-02 01:56:00+00');
INSERT INTO public.report_parses VALUES (41, 41, 'demo', '2024-10', NULL, 'MK,CM', '{"MK":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-11-02 19:13:00+00');
INSERT INTO public.report_parses VALUES (42, 42, 'demo', '2024-10', NULL, 'MK,CM', '{"MK":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-11-03 17:55:00+00');
INSERT INTO public.report_parses VALUES (43, 43, 'demo', '2024-10', NULL, 'TA,CM', '{"TA":{"score":"30","max":"40"},"CM":{"score":"30","max":"40"}}', '2024-11-04 03:20:00+00');


--
-- Data for Name: scores; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.scores VALUES (1, 1, 'demo-reviewer', 'CC', 2000, 1900, false, NULL, NULL, '2024-08-05 00:11:00+00');
INSERT INTO public.scores VALUES (2, 1, 'demo-reviewer', 'MK', 2000, 1000, false, NULL, NULL, '2024-08-05 00:11:00+00');
INSERT INTO public.scores VALUES (3, 1, 'demo-reviewer', 'BASIC', 1100, 1200, false, NULL, NULL, '2024-08-05 00:11:00+00');
INSERT INTO public.scores VALUES (4, 1, 'demo-reviewer', 'OTHERS', 1800, 1900, false, NULL, NULL, '2024-08-05 00:11:00+00');
INSERT INTO public.scores VALUES (5, 2, 'demo-reviewer', 'CM', 800, 1800, false, NULL, NULL, '2024-08-04 11:21:00+00');
INSERT INTO public.scores VALUES (6, 2, 'demo-reviewer', 'BD', 1300, 1800, false, NULL, NULL, '2024-08-04 11:21:00+00');
INSERT INTO public.scores VALUES (7, 2, 'demo-reviewer', 'BASIC', 1800, 1900, false, NULL, NULL, '2024-08-04 11:21:00+00');
INSERT INTO public.scores VALUES (8, 2, 'demo-reviewer', 'OTHERS', 1100, 1900, false, NULL, NULL, '2024-08-04 11:21:00+00');
INSERT INTO public.scores VALUES (9, 3, 'demo-reviewer', 'MK', 900, 1500, false, NULL, NULL, '2024-08-05 09:42:00+00');
INSERT INTO public.scores VALUES (10, 3, 'demo-reviewer', 'TECH', 1500, 1200, false, NULL, NULL, '2024-08-05 09:42:00+00');
INSERT INTO public.scores VALUES (11, 3, 'demo-reviewer', 'BASIC', 1700, 1200, false, NULL, NULL, '2024-08-05 09:42:00+00');
INSERT INTO public.scores VALUES (12, 3, 'demo-reviewer', 'OTHERS', 1600, 1000, false, NULL, NULL, '2024-08-05 09:42:00+00');
INSERT INTO public.scores VALUES (13, 4, 'demo-reviewer', 'CC', 1200, 800, false, NULL, NULL, '2024-08-05 20:03:00+00');
INSERT INTO public.scores VALUES (14, 4, 'demo-reviewer', 'BD', 900, 700, false, NULL, NULL, '2024-08-05 20:03:00+00');
INSERT INTO public.scores VALUES (15, 4, 'demo-reviewer', 'BASIC', 1400, 1300, false, NULL, NULL, '2024-08-05 20:03:00+00');
INSERT INTO public.scores VALUES (16, 4, 'demo-reviewer', 'OTHERS', 1200, 1300, false, NULL, NULL, '2024-08-05 20:03:00+00');
INSERT INTO public.scores VALUES (17, 5, 'demo-reviewer', 'CC', 1600, 800, false, NULL, NULL, '2024-08-04 11:56:00+00');
INSERT INTO public.scores VALUES (18, 5, 'demo-reviewer', 'BD', 1600, 1700, false, NULL, NULL, '2024-08-04 11:56:00+00');
INSERT INTO public.scores VALUES (19, 5, 'demo-reviewer', 'BASIC', 1200, 1800, false, NULL, NULL, '2024-08-04 11:56:00+00');
INSERT INTO public.scores VALUES (20, 5, 'demo-reviewer', 'OTHERS', 2000, 1100, false, NULL, NULL, '2024-08-04 11:56:00+00');
INSERT INTO public.scores VALUES (21, 6, 'demo-reviewer', 'CC', 1100, 1000, false, NULL, NULL, '2024-08-05 23:12:00+00');
INSERT INTO public.scores VALUES (22, 6, 'demo-reviewer', 'TECH', 1300, 1400, false, NULL, NULL, '2024-08-05 23:12:00+00');
INSERT INTO public.scores VALUES (23, 6, 'demo-reviewer', 'BASIC', 900, 800, false, NULL, NULL, '2024-08-05 23:12:00+00');
INSERT INTO public.scores VALUES (24, 6, 'demo-reviewer', 'OTHERS', 2000, 1100, false, NULL, NULL, '2024-08-05 23:12:00+00');
INSERT INTO public.scores VALUES (25, 7, 'demo-reviewer', 'CM', 1700, 1500, false, NULL, NULL, '2024-08-06 07:43:00+00');
INSERT INTO public.scores VALUES (26, 7, 'demo-reviewer', 'CC', 1400, 1900, false, NULL, NULL, '2024-08-06 07:43:00+00');
INSERT INTO public.scores VALUES (27, 7, 'demo-reviewer', 'BASIC', 1300, 1800, false, NULL, NULL, '2024-08-06 07:43:00+00');
INSERT INTO public.scores VALUES (28, 7, 'demo-reviewer', 'OTHERS', 900, 1300, false, NULL, NULL, '2024-08-06 07:43:00+00');
INSERT INTO public.scores VALUES (29, 8, 'demo-reviewer', 'CC', 1000, 1600, false, NULL, NULL, '2024-08-03 18:19:00+00');
INSERT INTO public.scores VALUES (30, 8, 'demo-reviewer', 'BD', 2000, 700, false, NULL, NULL, '2024-08-03 18:19:00+00');
INSERT INTO public.scores VALUES (31, 8, 'demo-reviewer', 'BASIC', 1100, 1600, false, NULL, NULL, '2024-08-03 18:19:00+00');
INSERT INTO public.scores VALUES (32, 8, 'demo-reviewer', 'OTHERS', 1200, 1400, false, NULL, NULL, '2024-08-03 18:19:00+00');
INSERT INTO public.scores VALUES (33, 9, 'demo-reviewer', 'MK', 1400, 2000, false, NULL, NULL, '2024-08-04 05:52:00+00');
INSERT INTO public.scores VALUES (34, 9, 'demo-reviewer', 'CM', 900, 1500, false, NULL, NULL, '2024-08-04 05:52:00+00');
INSERT INTO public.scores VALUES (35, 9, 'demo-reviewer', 'BASIC', 1100, 1300, false, NULL, NULL, '2024-08-04 05:52:00+00');
INSERT INTO public.scores VALUES (36, 9, 'demo-reviewer', 'OTHERS', 1400, 1000, false, NULL, NULL, '2024-08-04 05:52:00+00');
INSERT INTO public.scores VALUES (37, 10, 'demo-reviewer', 'BD', 1600, 1000, false, NULL, NULL, '2024-08-06 01:07:00+00');
INSERT INTO public.scores VALUES (38, 10, 'demo-reviewer', 'TECH', 1000, 1300, false, NULL, NULL, '2024-08-06 01:07:00+00');
INSERT INTO public.scores VALUES (39, 10, 'demo-reviewer', 'BASIC', 800, 700, false, NULL, NULL, '2024-08-06 01:07:00+00');
INSERT INTO public.scores VALUES (40, 10, 'demo-reviewer', 'OTHERS', 1000, 900, false, NULL, NULL, '2024-08-06 01:07:00+00');
INSERT INTO public.scores VALUES (41, 11, 'demo-reviewer', 'BD', 1300, 800, false, NULL, NULL, '2024-09-04 22:28:00+00');
INSERT INTO public.scores VALUES (42, 11, 'demo-reviewer', 'TECH', 1800, 600, false, NULL, NULL, '2024-09-04 22:28:00+00');
INSERT INTO public.scores VALUES (43, 11, 'demo-reviewer', 'BASIC', 1900, 1400, false, NULL, NULL, '2024-09-04 22:28:00+00');
INSERT INTO public.scores VALUES (44, 11, 'demo-reviewer', 'OTHERS', 1000, 1400, false, NULL, NULL, '2024-09-04 22:28:00+00');
INSERT INTO public.scores VALUES (45, 12, 'demo-reviewer', 'CC', 1700, 1400, false, NULL, NULL, '2024-09-04 19:08:00+00');
INSERT INTO public.scores VALUES (46, 12, 'demo-reviewer', 'CM', 1000, 1700, false, NULL, NULL, '2024-09-04 19:08:00+00');
INSERT INTO public.scores VALUES (47, 12, 'demo-reviewer', 'BASIC', 2000, 800, false, NULL, NULL, '2024-09-04 19:08:00+00');
INSERT INTO public.scores VALUES (48, 12, 'demo-reviewer', 'OTHERS', 1200, 1300, false, NULL, NULL, '2024-09-04 19:08:00+00');
INSERT INTO public.scores VALUES (49, 13, 'demo-reviewer', 'TECH', 1300, 1600, false, NULL, NULL, '2024-09-03 13:26:00+00');
INSERT INTO public.scores VALUES (50, 13, 'demo-reviewer', 'BD', 1600, 600, false, NULL, NULL, '2024-09-03 13:26:00+00');
INSERT INTO public.scores VALUES (51, 13, 'demo-reviewer', 'BASIC', 1400, 2000, false, NULL, NULL, '2024-09-03 13:26:00+00');
INSERT INTO public.scores VALUES (52, 13, 'demo-reviewer', 'OTHERS', 1700, 1700, false, NULL, NULL, '2024-09-03 13:26:00+00');
INSERT INTO public.scores VALUES (53, 14, 'demo-reviewer', 'CC', 1000, 700, false, NULL, NULL, '2024-09-03 23:51:00+00');
INSERT INTO public.scores VALUES (54, 14, 'demo-reviewer', 'MK', 1600, 1400, false, NULL, NULL, '2024-09-03 23:51:00+00');
INSERT INTO public.scores VALUES (55, 14, 'demo-reviewer', 'BASIC', 1600, 2000, false, NULL, NULL, '2024-09-03 23:51:00+00');
INSERT INTO public.scores VALUES (56, 14, 'demo-reviewer', 'OTHERS', 1400, 1100, false, NULL, NULL, '2024-09-03 23:51:00+00');
INSERT INTO public.scores VALUES (57, 15, 'demo-reviewer', 'TECH', 1600, 800, false, NULL, NULL, '2024-09-03 20:17:00+00');
INSERT INTO public.scores VALUES (58, 15, 'demo-reviewer', 'CM', 1600, 1900, false, NULL, NULL, '2024-09-03 20:17:00+00');
INSERT INTO public.scores VALUES (59, 15, 'demo-reviewer', 'BASIC', 1300, 600, false, NULL, NULL, '2024-09-03 20:17:00+00');
INSERT INTO public.scores VALUES (60, 15, 'demo-reviewer', 'OTHERS', 1500, 2000, false, NULL, NULL, '2024-09-03 20:17:00+00');
INSERT INTO public.scores VALUES (61, 16, 'demo-reviewer', 'TECH', 1700, 1100, false, NULL, NULL, '2024-09-03 22:47:00+00');
INSERT INTO public.scores VALUES (62, 16, 'demo-reviewer', 'MK', 1400, 700, false, NULL, NULL, '2024-09-03 22:47:00+00');
INSERT INTO public.scores VALUES (63, 16, 'demo-reviewer', 'BASIC', 1300, 700, false, NULL, NULL, '2024-09-03 22:47:00+00');
INSERT INTO public.scores VALUES (64, 16, 'demo-reviewer', 'OTHERS', 900, 1900, false, NULL, NULL, '2024-09-03 22:47:00+00');
INSERT INTO public.scores VALUES (65, 17, 'demo-reviewer', 'MK', 1800, 1900, false, NULL, NULL, '2024-09-04 18:18:00+00');
INSERT INTO public.scores VALUES (66, 17, 'demo-reviewer', 'BD', 2000, 2000, false, NULL, NULL, '2024-09-04 18:18:00+00');
INSERT INTO public.scores VALUES (67, 17, 'demo-reviewer', 'BASIC', 1600, 1800, false, NULL, NULL, '2024-09-04 18:18:00+00');
INSERT INTO public.scores VALUES (68, 17, 'demo-reviewer', 'OTHERS', 1100, 1200, false, NULL, NULL, '2024-09-04 18:18:00+00');
INSERT INTO public.scores VALUES (69, 18, 'demo-reviewer', 'BD', 1300, 700, false, NULL, NULL, '2024-09-04 21:10:00+00');
INSERT INTO public.scores VALUES (70, 18, 'demo-reviewer', 'CM', 1800, 1700, false, NULL, NULL, '2024-09-04 21:10:00+00');
INSERT INTO public.scores VALUES (71, 18, 'demo-reviewer', 'BASIC', 1900, 1600, false, NULL, NULL, '2024-09-04 21:10:00+00');
INSERT INTO public.scores VALUES (72, 18, 'demo-reviewer', 'OTHERS', 2000, 1700, false, NULL, NULL, '2024-09-04 21:10:00+00');
INSERT INTO public.scores VALUES (73, 19, 'demo-reviewer', 'MK', 800, 1800, false, NULL, NULL, '2024-09-03 14:34:00+00');
INSERT INTO public.scores VALUES (74, 19, 'demo-reviewer', 'BD', 900, 1700, false, NULL, NULL, '2024-09-03 14:34:00+00');
INSERT INTO public.scores VALUES (75, 19, 'demo-reviewer', 'BASIC', 1500, 1300, false, NULL, NULL, '2024-09-03 14:34:00+00');
INSERT INTO public.scores VALUES (76, 19, 'demo-reviewer', 'OTHERS', 800, 1200, false, NULL, NULL, '2024-09-03 14:34:00+00');
INSERT INTO public.scores VALUES (77, 20, 'demo-reviewer', 'BD', 900, 1600, false, NULL, NULL, '2024-09-05 16:21:00+00');
INSERT INTO public.scores VALUES (78, 20, 'demo-reviewer', 'CM', 1100, 800, false, NULL, NULL, '2024-09-05 16:21:00+00');
INSERT INTO public.scores VALUES (79, 20, 'demo-reviewer', 'BASIC', 1300, 1500, false, NULL, NULL, '2024-09-05 16:21:00+00');
INSERT INTO public.scores VALUES (80, 20, 'demo-reviewer', 'OTHERS', 1200, 700, false, NULL, NULL, '2024-09-05 16:21:00+00');
INSERT INTO public.scores VALUES (81, 21, 'demo-reviewer', 'CC', 1300, 1800, false, NULL, NULL, '2024-10-05 18:19:00+00');
INSERT INTO public.scores VALUES (82, 21, 'demo-reviewer', 'TA', 1300, 1700, false, NULL, NULL, '2024-10-05 18:19:00+00');
INSERT INTO public.scores VALUES (83, 21, 'demo-reviewer', 'BASIC', 1400, 1300, false, NULL, NULL, '2024-10-05 18:19:00+00');
INSERT INTO public.scores VALUES (84, 21, 'demo-reviewer', 'OTHERS', 1900, 600, false, NULL, NULL, '2024-10-05 18:19:00+00');
INSERT INTO public.scores VALUES (85, 22, 'demo-reviewer', 'TA', 2000, 1500, false, NULL, NULL, '2024-10-05 10:45:00+00');
INSERT INTO public.scores VALUES (86, 22, 'demo-reviewer', 'CM', 1800, 1500, false, NULL, NULL, '2024-10-05 10:45:00+00');
INSERT INTO public.scores VALUES (87, 22, 'demo-reviewer', 'BASIC', 1600, 800, false, NULL, NULL, '2024-10-05 10:45:00+00');
INSERT INTO public.scores VALUES (88, 22, 'demo-reviewer', 'OTHERS', 1500, 1200, false, NULL, NULL, '2024-10-05 10:45:00+00');
INSERT INTO public.scores VALUES (89, 23, 'demo-reviewer', 'CC', 1700, 1900, false, NULL, NULL, '2024-10-05 06:28:00+00');
INSERT INTO public.scores VALUES (90, 23, 'demo-reviewer', 'CM', 900, 1500, false, NULL, NULL, '2024-10-05 06:28:00+00');
INSERT INTO public.scores VALUES (91, 23, 'demo-reviewer', 'BASIC', 1300, 1200, false, NULL, NULL, '2024-10-05 06:28:00+00');
INSERT INTO public.scores VALUES (92, 23, 'demo-reviewer', 'OTHERS', 1300, 1800, false, NULL, NULL, '2024-10-05 06:28:00+00');
INSERT INTO public.scores VALUES (93, 24, 'demo-reviewer', 'CM', 1600, 600, false, NULL, NULL, '2024-10-04 19:59:00+00');
INSERT INTO public.scores VALUES (94, 24, 'demo-reviewer', 'CC', 1900, 800, false, NULL, NULL, '2024-10-04 19:59:00+00');
INSERT INTO public.scores VALUES (95, 24, 'demo-reviewer', 'BASIC', 1800, 1300, false, NULL, NULL, '2024-10-04 19:59:00+00');
INSERT INTO public.scores VALUES (96, 24, 'demo-reviewer', 'OTHERS', 1200, 1600, false, NULL, NULL, '2024-10-04 19:59:00+00');
INSERT INTO public.scores VALUES (97, 25, 'demo-reviewer', 'BD', 900, 1700, false, NULL, NULL, '2024-10-05 04:41:00+00');
INSERT INTO public.scores VALUES (98, 25, 'demo-reviewer', 'MK', 1900, 900, false, NULL, NULL, '2024-10-05 04:41:00+00');
INSERT INTO public.scores VALUES (99, 25, 'demo-reviewer', 'BASIC', 1500, 1300, false, NULL, NULL, '2024-10-05 04:41:00+00');
INSERT INTO public.scores VALUES (100, 25, 'demo-reviewer', 'OTHERS', 1800, 1400, false, NULL, NULL, '2024-10-05 04:41:00+00');
INSERT INTO public.scores VALUES (101, 26, 'demo-reviewer', 'CM', 1800, 800, false, NULL, NULL, '2024-10-04 23:56:00+00');
INSERT INTO public.scores VALUES (102, 26, 'demo-reviewer', 'CC', 1900, 1100, false, NULL, NULL, '2024-10-04 23:56:00+00');
INSERT INTO public.scores VALUES (103, 26, 'demo-reviewer', 'BASIC', 1700, 600, false, NULL, NULL, '2024-10-04 23:56:00+00');
INSERT INTO public.scores VALUES (104, 26, 'demo-reviewer', 'OTHERS', 1300, 700, false, NULL, NULL, '2024-10-04 23:56:00+00');
INSERT INTO public.scores VALUES (105, 27, 'demo-reviewer', 'TA', 1800, 1800, false, NULL, NULL, '2024-10-04 08:21:00+00');
INSERT INTO public.scores VALUES (106, 27, 'demo-reviewer', 'BD', 1500, 900, false, NULL, NULL, '2024-10-04 08:21:00+00');
INSERT INTO public.scores VALUES (107, 27, 'demo-reviewer', 'BASIC', 1500, 1400, false, NULL, NULL, '2024-10-04 08:21:00+00');
INSERT INTO public.scores VALUES (108, 27, 'demo-reviewer', 'OTHERS', 1600, 600, false, NULL, NULL, '2024-10-04 08:21:00+00');
INSERT INTO public.scores VALUES (109, 28, 'demo-reviewer', 'TA', 1300, 1400, false, NULL, NULL, '2024-10-03 14:36:00+00');
INSERT INTO public.scores VALUES (110, 28, 'demo-reviewer', 'CM', 800, 1200, false, NULL, NULL, '2024-10-03 14:36:00+00');
INSERT INTO public.scores VALUES (111, 28, 'demo-reviewer', 'BASIC', 1600, 1700, false, NULL, NULL, '2024-10-03 14:36:00+00');
INSERT INTO public.scores VALUES (112, 28, 'demo-reviewer', 'OTHERS', 1100, 1300, false, NULL, NULL, '2024-10-03 14:36:00+00');
INSERT INTO public.scores VALUES (113, 29, 'demo-reviewer', 'CM', 1100, 700, false, NULL, NULL, '2024-10-05 22:40:00+00');
INSERT INTO public.scores VALUES (114, 29, 'demo-reviewer', 'TA', 1400, 1900, false, NULL, NULL, '2024-10-05 22:40:00+00');
INSERT INTO public.scores VALUES (115, 29, 'demo-reviewer', 'BASIC', 1100, 1100, false, NULL, NULL, '2024-10-05 22:40:00+00');
INSERT INTO public.scores VALUES (116, 29, 'demo-reviewer', 'OTHERS', 1800, 1000, false, NULL, NULL, '2024-10-05 22:40:00+00');
INSERT INTO public.scores VALUES (117, 30, 'demo-reviewer', 'MK', 900, 1400, false, NULL, NULL, '2024-10-05 12:54:00+00');
INSERT INTO public.scores VALUES (118, 30, 'demo-reviewer', 'CM', 1800, 1000, false, NULL, NULL, '2024-10-05 12:54:00+00');
INSERT INTO public.scores VALUES (119, 30, 'demo-reviewer', 'BASIC', 1500, 700, false, NULL, NULL, '2024-10-05 12:54:00+00');
INSERT INTO public.scores VALUES (120, 30, 'demo-reviewer', 'OTHERS', 900, 1500, false, NULL, NULL, '2024-10-05 12:54:00+00');
INSERT INTO public.scores VALUES (121, 31, 'demo-reviewer', 'TA', 1600, 1700, false, NULL, NULL, '2024-10-04 00:48:00+00');
INSERT INTO public.scores VALUES (122, 31, 'demo-reviewer', 'CC', 1100, 2000, false, NULL, NULL, '2024-10-04 00:48:00+00');
INSERT INTO public.scores VALUES (123, 31, 'demo-reviewer', 'BASIC', 1900, 800, false, NULL, NULL, '2024-10-04 00:48:00+00');
INSERT INTO public.scores VALUES (124, 31, 'demo-reviewer', 'OTHERS', 1000, 1400, false, NULL, NULL, '2024-10-04 00:48:00+00');
INSERT INTO public.scores VALUES (125, 32, 'demo-reviewer', 'CC', 900, 1900, false, NULL, NULL, '2024-10-03 14:26:00+00');
INSERT INTO public.scores VALUES (126, 32, 'demo-reviewer', 'TA', 1800, 600, false, NULL, NULL, '2024-10-03 14:26:00+00');
INSERT INTO public.scores VALUES (127, 32, 'demo-reviewer', 'BASIC', 1300, 1100, false, NULL, NULL, '2024-10-03 14:26:00+00');
INSERT INTO public.scores VALUES (128, 32, 'demo-reviewer', 'OTHERS', 1900, 600, false, NULL, NULL, '2024-10-03 14:26:00+00');


--
-- Data for Name: token_prices; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.token_prices VALUES (1, '2024-07', 'PHA', '0.12', 'Demo price (made up)', '2024-07-31', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.token_prices VALUES (2, '2024-08', 'PHA', '0.11', 'Demo price (made up)', '2024-08-31', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.token_prices VALUES (3, '2024-09', 'PHA', '0.13', 'Demo price (made up)', '2024-09-30', 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.token_prices VALUES (4, '2024-10', 'PHA', '0.125', 'Demo price (made up)', '2024-10-31', 'demo-seed', '2024-11-20 12:00:00+00');


--
-- Data for Name: treasury_draws; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.treasury_draws VALUES (1, 1, 'bounty:1', 'bounty', '2024-07', '2083333333333333', '2024-07-20', 'Phala Telegram Bot for solo miners and delegators', NULL, NULL, NULL, 'demo-admin', '2024-11-20 12:00:00+00');
INSERT INTO public.treasury_draws VALUES (2, 1, 'payout:2024-07', 'month_payout', '2024-07', '84000000000000000', '2024-08-06', '2024-07 payout', NULL, NULL, NULL, 'demo-seed', '2024-11-20 12:00:00+00');
INSERT INTO public.treasury_draws VALUES (3, 1, 'payout:2024-08', 'month_payout', '2024-08', '84000000000000000', '2024-09-06', '2024-08 payout', 'demo-admin', 'Demo program: the made-up months pay more than proposal #14''s 100,000 PHA; drawn by override to show how one is recorded.', '2024-11-20 12:00:00+00', 'demo-admin', '2024-11-20 12:00:00+00');
INSERT INTO public.treasury_draws VALUES (4, 1, 'payout:2024-09', 'month_payout', '2024-09', '84000000000000000', '2024-10-06', '2024-09 payout', 'demo-admin', 'Demo program: the made-up months pay more than proposal #14''s 100,000 PHA; drawn by override to show how one is recorded.', '2024-11-20 12:00:00+00', 'demo-admin', '2024-11-20 12:00:00+00');


--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: allocations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.allocations_id_seq', 128, true);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 25, true);


--
-- Name: channel_counts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.channel_counts_id_seq', 2, true);


--
-- Name: community_bounties_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.community_bounties_id_seq', 1, true);


--
-- Name: crew_checklist_ticks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crew_checklist_ticks_id_seq', 1, false);


--
-- Name: crew_members_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crew_members_id_seq', 23, true);


--
-- Name: crews_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crews_id_seq', 8, true);


--
-- Name: member_handles_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.member_handles_id_seq', 41, true);


--
-- Name: member_rank_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.member_rank_events_id_seq', 41, true);


--
-- Name: members_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.members_id_seq', 41, true);


--
-- Name: membership_application_decisions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.membership_application_decisions_id_seq', 1, false);


--
-- Name: membership_application_reviews_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.membership_application_reviews_id_seq', 1, false);


--
-- Name: membership_applications_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.membership_applications_id_seq', 2, true);


--
-- Name: month_closes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.month_closes_id_seq', 4, true);


--
-- Name: payout_addresses_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.payout_addresses_id_seq', 24, true);


--
-- Name: payout_transactions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.payout_transactions_id_seq', 3, true);


--
-- Name: payouts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.payouts_id_seq', 32, true);


--
-- Name: policies_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.policies_id_seq', 1, false);


--
-- Name: proposal_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.proposal_events_id_seq', 13, true);


--
-- Name: proposal_milestones_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.proposal_milestones_id_seq', 2, true);


--
-- Name: report_diagnostics_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.report_diagnostics_id_seq', 1, false);


--
-- Name: report_parses_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.report_parses_id_seq', 43, true);


--
-- Name: report_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.report_versions_id_seq', 43, true);


--
-- Name: reports_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_id_seq', 43, true);


--
-- Name: scores_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.scores_id_seq', 128, true);


--
-- Name: spending_proposals_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.spending_proposals_id_seq', 1, true);


--
-- Name: token_prices_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.token_prices_id_seq', 4, true);


--
-- Name: treasury_draws_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.treasury_draws_id_seq', 4, true);


--
-- Name: webhook_deliveries_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.webhook_deliveries_id_seq', 1, false);


--
-- PostgreSQL database dump complete
--


