import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.session?.user;
	return {
		locale: locals.locale,
		user: user
			? {
					displayName: user.displayName,
					isProvinceAdmin: user.roles.some((grant) => grant.role === 'province_admin'),
					isAuthor: user.roles.some((grant) => grant.role === 'province_admin' || grant.role === 'organizer'),
					isUnitAdmin: user.roles.some((grant) => grant.role === 'unit_admin')
				}
			: null
	};
};
