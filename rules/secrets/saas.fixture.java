class Config {
// ruleid: secrets.newrelic.insert-key
    static final String NEW_RELIC_INSERT_KEY = "NRII-JX12ra6zrDgCCZMwiHY1bSTv3Sk-TBDx";
// ok: secrets.newrelic.insert-key
    static final String NEW_RELIC_INSERT_KEY = "NRII-JX12ra6zxxxxxxxxxxxxxxxxxxx-xxxx";
// ok: secrets.newrelic.insert-key
    static final String VALUE = "NRII-JX12ra6zrDgCCZMwiHY1bSTv3Sk";
// ruleid: secrets.sentry.org-token
    static final String SENTRY_AUTH_TOKEN = "sntrys_eyJh_IyGqS3z6gjGu6G5SO/oNfLSUqudjKbSES6Y9F7P6I9Y08yMscQzo1MoC=CfUsPe-A6ej+6Js+SAUMBdnK92j6NSWjil4PBtWS3iQ39+Ng3DYSso4NpZsRF3=CFndAiLM-q/XZzFOmNIh+e9U7sDg2t2XjhqHAx79MM0gG7eexM/K_RH16cU6Ix3dleXBFlMBy_JaojxVdo5CzeZTT1dBNIB01yF_L5QdBtlTke_8jiwMbeEUQwE";
// ok: secrets.sentry.org-token
    static final String SENTRY_AUTH_TOKEN = "sntrys_eyJh_IyGqS3z6gjGu6G5SO/oNfLSUqudjKbSES6Y9F7P6I9Y08yMscQzo1MoC=CfUsPe-A6ej+6Js+SAUMBxxxxxxxxxxxxxxxxxxxxxxxx+xxxxxxxxxxxxxxxx=xxxxxxxx-x/xxxxxxxxx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxx/x_xxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxx_xxxxxxxxxxxx";
// ruleid: secrets.linear.oauth-token
    static final String LINEAR_OAUTH_TOKEN = "lin_oauth_8f649666cd5c185d6530d23a79265833e4b8f5ad0c3f8ddcbd3c39f3b4e54d97";
// ok: secrets.linear.oauth-token
    static final String LINEAR_OAUTH_TOKEN = "lin_oauth_8f649666cd5c185dxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.linear.oauth-token
    static final String VALUE = "lin_oauth_8f649666cd5c185d6530d23a79265833e4b8f5ad0c3f8ddcbd3c39f3b4e";
// ruleid: secrets.typeform.pat
    static final String TYPEFORM_TOKEN = "tfp_npmSYnoGbJIwlCwmIPvNZW8-UDJ7Sy0cqEY4xIigB4HtiAN-JZ2iW.B";
// ok: secrets.typeform.pat
    static final String TYPEFORM_TOKEN = "tfp_npmSYnoGbJIwlCwmIxxxxxx-xxxxxxxxxxxxxxxxxxxxxxx-xxxxx.x";
// ruleid: secrets.shopify.shared-secret
    static final String SHOPIFY_SHARED_SECRET = "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";
// ok: secrets.shopify.shared-secret
    static final String SHOPIFY_SHARED_SECRET = "shpss_5EB4CFAAxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.shopify.shared-secret
    static final String VALUE = "shpss_5EB4CFAAf92Ff6Ba245d4c9f6de";
// ruleid: secrets.onepassword.service-account-token
    static final String OP_SERVICE_ACCOUNT_TOKEN = "ops_eyJilA5l-WpveJIsaANLAqb0gvXb-POW0Jg5qd4YWWGF0p3Xjfb=O=0d8a=XKWJAOSV5+1RXtx=R_=wN_Eaetvi1-n/J=IhZH4+bfUVx-HIarqCZb-upVl6kmk0iZprFho5SRaRqj=xm4-_FDVe+A7+h-0lhVlYiBxS88vr9PprtIZNA+Gz4KHrYKLXIAyr33DkO/-wLNn=Fg9EWhsDxYd-iM9BkM-DL_88aqj6Z3NENF+vvgS5FGdMvk1DTLroh_CIUts+Fg4H/5cIe27ietOqN8nhbe9ApH-hrWJhi9pSi7moKlbpDEkOrO5DbSDYeODp-ZVUG+1S-WZ2oUeySUmDqbux0k00pe2ef8x8f4KENYEgbT8GMiFNite0Le0foP19=Ha+7_eEd=IKpQ6y5+gCg/xMjW2XpsbF76SJn_8nsbwf-rqlHX1rTD2OW5-ktJm5ihlrSy1J6etZhzgVzeHes7LSt/9c_v06p_7id3flT4sb1GiQ5M4UnMvgQ49tYyISd7lmoR1AHX/g8VL9jcGJLbA7_ibh0ZiJbp-MkRE10dL0vuw/9r4jTc+-CM=g=gphb_KTwHgk0LcFSo7ZUm7/7FQ_PmnVmb7epW=BSHuIMmzQxtnfrGBJp6XVPA_CYTuXWyh0hxyQaB=S+47zHwR99deJSHSb7_OVyuLtuIHhTkTkvpHEIGPYvTth436J14wOFRqlpkBbUQXYpM/s1W6dsCWPAAUfDG2SO3yPAmSUxRD5rE+bAdEHEK0AzEMy1+crWc0__TwC=Q8/RwSedik4CUcl6Kg_r7aCbkO_2JLrLhicDY0-rPF-SUS8qFLw-z4U9nExP4NXs1bsgcEt_e8HENg8nPDwUWcEkQexwEartOTGsuHFjYMlGHWwQMJNS_MTKZVTu27jISFr6Xfkz+a=_GTcltMXiz/dch4R=c=YWrv6Ep8rCQ15Xv2XG0b+zoy=/5UN9A05g6Mj-t9XALg3JrprT-2spmVTvnS-/OGL3w98HTW5+_cT3TjQg4suW3Rzjhy/12eY+/hvC7+e=n=ruoFynPRJXJTHV0S+yAR9l6zJvC+iv-7KZKzO8LMRXUZFfvmmpmbzA5vU/zryJ51XXuLaCMarYxv+311OuleFc1NCF0iOg3MVczxfTb+FRPZgEq_T6+6=6Iy-SwdwPLztwjF8WvB-F=56y50AxUeugjRa_oaAfXD5zkMzVR1hC3wTVxLp3knIVY13nkMy=T_LHmeTfNBMAnaWZkrdM0G4T=QHcLh2+kbqBjz27HEsEKFu0bgN2zreueinmQPCW6y8QEYR6WtIQEcKlB/G8RA4fIzeWMEFHdB9C8se1MWInodHX_Q8DIDF_9Dfn4IsTzuh=Dm0xKxOw52ymXqoi-N5=h6AhcyOS=MLNs6NTsoftjP+NkyU3x4fBwhhM4oYu6ubo0Q9ghQf0y5V6D9ntumtNqRJqzYOA1Vq5hcc0QG-O/LYiY7xWBBu6u-nuULMe-qnLoRu1rmjISZf/-/c0oTeII-+saaA+nwq-/qEuubWEqQYZge8lgiNHViqEGLRcGP-Al/vocrHF7nErG=Z1_HxS0RlmZWxu_kYNZge0gt97QPMFOxlQ7rZMP6peDCQZPmgvPwl7T+Xo=uIYhsTJWezWkXbRBDg+qL=y07ZSVZXYsqg+S0tnTJG2QcsrfC2Yg/8Z+=zsTab3+qFphTEB/6QF0p259jgXrZpMNhm8jkPErl3/e0-_RnI4QvFRc=oAz3lJIuEJgm1yh6zIPc/pjuaWTj+mZmoRpHs5jCd=KapMCVhdPecdNjUJBzv/_+/nh2+DVGpOEfz=iPnM6X+ndH-/+_5lqmopr1vY4ZMEu5APu2oTnmxzosx-MvIh2LXMdsRvgSzRS/OvFABCsTJbvG67j=nUGV8NI+Y-0-";
// ok: secrets.onepassword.service-account-token
    static final String OP_SERVICE_ACCOUNT_TOKEN = "ops_eyJilA5l-WpveJIsaANLAqb0gvXb-POW0Jg5qd4YWWGF0p3Xjfb=O=0d8a=XKWJAOSV5+1RXtx=R_=wN_Eaetvi1-n/J=IhZH4+bfUVx-HIarqCZb-upVl6kmk0iZprFho5SRaRqj=xm4-_FDVe+A7+h-0lhVlYiBxS88vr9PprtIZNA+Gz4KHrYKLXIAyr33DkO/-wLNn=Fg9EWhsDxYd-iM9BkM-DL_88aqj6Z3NENF+vvgS5FGdMvk1DTLroh_CIUts+Fg4H/5cIe27ietOqN8nhbe9ApH-hrWJhi9pSi7moKlbpDEkOrO5DbSDYeODp-ZVUG+1S-WZ2oUeySUmDqbux0k00pe2ef8x8f4KENYEgbT8GMiFNite0Le0foP19=Ha+7_eEd=IKpQ6y5+gCg/xMjW2XpsbF76SJn_8nsbwf-rqlHX1rTD2OW5-ktJm5ihlrSy1J6etZhzgVzeHes7LSt/9c_v06p_7id3flT4sb1GiQ5M4UnMvgQ49tYyISd7lmoR1AHX/g8VL9jcGJLbA7_ibh0ZiJbp-MkRE10dL0vuw/9r4jTc+-CM=g=gphb_KTwHgk0LcFSo7ZUm7/7FQ_PmnVmb7epW=BSHuIMmzQxtnfrGBJp6XVPA_CYTuXWyh0hxyQaB=S+47zHwR99deJSxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+xxxxxxxxxxxxxx+xxxxx__xxx=xx/xxxxxxxxxxxxxxx_xxxxxxx_xxxxxxxxxxx-xxx-xxxxxxxx-xxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxx+x=_xxxxxxxxx/xxxxx=x=xxxxxxxxxxxxxxxxxxxx+xxx=/xxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxx-/xxxxxxxxxxx+_xxxxxxxxxxxxxxxxx/xxxx+/xxxx+x=x=xxxxxxxxxxxxxxxx+xxxxxxxxxx+xx-xxxxxxxxxxxxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxxxxx+xxxxxxxxxxxxxxxxxxxxxxxxxx+xxxxxxx_xx+x=xxx-xxxxxxxxxxxxxxx-x=xxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=x_xxxxxxxxxxxxxxxxxxxxxx=xxxxxx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxx_xxxxxxxxxxx=xxxxxxxxxxxxxxxx-xx=xxxxxxxx=xxxxxxxxxxxxx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-x/xxxxxxxxxxxx-xxxxxx-xxxxxxxxxxxxxx/-/xxxxxxx-+xxxx+xxx-/xxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xx/xxxxxxxxxxx=xx_xxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+xx=xxxxxxxxxxxxxxxxxx+xx=xxxxxxxxxxxx+xxxxxxxxxxxxxxxxx/xx+=xxxxxx+xxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxxxx/xx-_xxxxxxxxx=xxxxxxxxxxxxxxxxxxxx/xxxxxxx+xxxxxxxxxxxx=xxxxxxxxxxxxxxxxxxx/_+/xxx+xxxxxxxx=xxxxxx+xxx-/+_xxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxx=xxxxxxx+x-x-";
// ruleid: secrets.algolia.admin-key
    static final String ALGOLIA_ADMIN_KEY = "251a45b6004f9decbd22c0dbe82adbe0";
// ok: secrets.algolia.admin-key
    static final String ALGOLIA_ADMIN_KEY = "251a45b6004fxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.algolia.admin-key
    static final String VALUE = "251a45b6004f9decbd22c0dbe82";
// ruleid: secrets.frameio.api-token
    static final String FRAMEIO_TOKEN = "fio-u-SAco0ZN0mdV0YcXSks8CB3AJ_T63Y1pZmGC8SUCgJ3wt7FsOrI6fpx9r4MvxOdr3";
// ok: secrets.frameio.api-token
    static final String FRAMEIO_TOKEN = "fio-u-SAco0ZN0mdV0YcXSks8xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.frameio.api-token
    static final String VALUE = "fio-u-SAco0ZN0mdV0YcXSks8CB3AJ_T63Y1pZmGC8SUCgJ3wt7FsOrI6fpx9r4Mv";
// ruleid: secrets.dropbox.short-lived-token
    static final String DROPBOX_ACCESS_TOKEN = "sl.KBCcsVVOgQ9Cs9zW9RxGi6kSRelt0ZWy5pBbcK9B8k5bsYmHJ8fV5PLKcEYUjHrpF1R-mB1Bbm063gpvLa-897J_rZjUq0Fn1pw9tsp8JzeGQVrM3l3UWD0isLSQVMLg1yUFGW6eOyI4cwT1ku4Y";
// ok: secrets.dropbox.short-lived-token
    static final String DROPBOX_ACCESS_TOKEN = "sl.KBCcsVVOgQ9Cs9zW9RxGi6kSRelt0ZWy5pBbcK9B8k5bsYmHJ8xxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxx-xxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ruleid: secrets.clickup.pat
    static final String CLICKUP_TOKEN = "pk_728889826_KLX30NRXNZ6IF9O8JQXGG62HT3YS7G57";
// ok: secrets.clickup.pat
    static final String CLICKUP_TOKEN = "pk_728889826_KLXxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.clickup.pat
    static final String VALUE = "pk_728889826_KLX30NRXNZ6IF9O8JQXGG62HT3Y";
// ruleid: secrets.rollbar.access-token
    static final String ROLLBAR_ACCESS_TOKEN = "c6bd4963f74256ba8aa43c5a07184805";
// ok: secrets.rollbar.access-token
    static final String ROLLBAR_ACCESS_TOKEN = "c6bd4963f742xxxxxxxxxxxxxxxxxxxx";
// ok: secrets.rollbar.access-token
    static final String VALUE = "c6bd4963f74256ba8aa43c5a071";
}
