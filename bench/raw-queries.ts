/**
 * The reads the app does for its routes, written as one plain SQL statement each: the floor the
 * app is compared with (no HTTP, no session check, no validation, no presenter). Like the app, the
 * users read takes the page first, then the teams of those 50 accounts and the total.
 */
export const usersPageSql = `
  with page as (select * from users order by name, id limit 50)
  select p.id, p.email, p.name, p.role, p.language, p.active, p.last_sign_in_at, p.created_at,
         coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'code', t.code) order by t.name)
                     from team_memberships m join teams t on t.id = m.team_id
                    where m.user_id = p.id), '[]') as teams,
         (select count(*) from users) as total
    from page p
   order by p.name, p.id`;

export const teamsListSql = `
  select t.id, t.name, t.code, t.created_at,
         coalesce((select json_agg(json_build_object('id', n.id, 'name', n.name, 'code', n.code) order by n.name)
                     from neighbourhoods n where n.team_id = t.id), '[]') as neighbourhoods,
         (select count(*) from team_memberships m join users u on u.id = m.user_id where m.team_id = t.id) as member_count
    from teams t
   order by t.name`;
